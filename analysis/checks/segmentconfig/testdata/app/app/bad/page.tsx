export const dynamic = 'always' // want `^Invalid segment configuration options detected for "/bad": Invalid enum value\. Expected 'auto' \| 'error' \| 'force-static' \| 'force-dynamic', received 'always' at "dynamic"\.$`
export const dynamicParams = 'yes' // want `Expected boolean, received string at "dynamicParams"`
export const revalidate = '60' // want `^Invalid revalidate value "60" on "/bad", must be a non-negative number or false$`
export const fetchCache = 'sometimes' // want `received 'sometimes' at "fetchCache"`
export const runtime = 'deno' // want `Expected 'edge' \| 'nodejs', received 'deno' at "runtime"`
export const preferredRegion = 42 // want `expected a string or an array of strings, received number at "preferredRegion"`
export const maxDuration = 'long' // want `Expected number, received string at "maxDuration"`

export default function Page() {
  return <p>bad</p>
}
