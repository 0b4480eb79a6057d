export const runtime = 'edge'
export const dynamic = 'force-dynamic'
export const instant = true // want `"instant" requires .nextConfig.cacheComponents. to be enabled`

export default function Page() {
  return <p>page</p>
}
