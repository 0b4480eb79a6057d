export const runtime = 'nodejs' // want "^Route segment config \"runtime\" is not compatible with `nextConfig.experimental.useCache`. Please remove it.$"
export const dynamic = 'force-dynamic'
export const revalidate = 1
export const unstable_instant = { prefetch: 'static' } // want "^Route segment config \"unstable_instant\" requires `nextConfig.cacheComponents` to be enabled.$"

export default function Page() {
  return <p>page</p>
}
