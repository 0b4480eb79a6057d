export const revalidate = 1 // want "not compatible with `nextConfig.experimental.dynamicIO`"
export const instant = true

export default function Page() {
  return <p>page</p>
}
