import { ONE_HOUR } from '../../lib/time'

export const revalidate = 60 * 60 // want "^Next.js can't recognize the exported `revalidate` field in route \"/expr\": Unsupported node type \"BinaryExpression\" at \"revalidate\"\\. Route segment config is read without running the module, so its value must be a literal\\.$"
export const maxDuration = ONE_HOUR // want `Unknown identifier "ONE_HOUR" at "maxDuration"`
export const dynamicParams = null // want `Expected boolean, received null`
export const preferredRegion = [`iad1`, 'sfo1', ...['x']] // want `Unsupported spread operator in the Array Expression at "preferredRegion"`
export const dynamic = `force-${'static'}` // want `Unsupported template literal with expressions at "dynamic"`
export const fetchCache = 'auto' as const

export default function Page() {
  return <p>{ONE_HOUR}</p>
}
