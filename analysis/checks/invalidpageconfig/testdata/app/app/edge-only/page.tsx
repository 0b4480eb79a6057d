export const runtime = 'edge'

export default function Page() {
  return <p>page</p>
}
