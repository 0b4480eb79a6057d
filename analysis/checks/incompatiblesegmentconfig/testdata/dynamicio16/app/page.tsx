// Next.js 16 no longer reads experimental.dynamicIO: Cache Components is off.
export const revalidate = 1
export const instant = true // want "requires `nextConfig.cacheComponents` to be enabled"

export default function Page() {
  return <p>page</p>
}
