export const runtime = 'edge' // want "^Route segment config \"runtime\" is not compatible with `nextConfig.cacheComponents`. Please remove it.$"
export const dynamic = 'force-dynamic' // want `"dynamic" is not compatible`
export const dynamicParams = false // want `"dynamicParams" is not compatible`
export const fetchCache = 'force-no-store' // want `"fetchCache" is not compatible`
const revalidate = 1
export { revalidate } // want `"revalidate" is not compatible`
export function experimental_ppr() {} // want `"experimental_ppr" is not compatible`
export const instant = { prefetch: 'static' }
export const maxDuration = 30
export const preferredRegion = 'iad1'

export default function Page() {
  return <p>page</p>
}
