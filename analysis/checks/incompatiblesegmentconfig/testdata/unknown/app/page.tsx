export const runtime = 'edge'
export const dynamic = 'force-dynamic'
export const instant = true

export default function Page() {
  return <p>page</p>
}
