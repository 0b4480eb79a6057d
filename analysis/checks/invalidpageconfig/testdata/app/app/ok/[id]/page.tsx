// A Server Component page on the Node.js runtime: fine.
export const runtime = 'nodejs'

export async function generateStaticParams() {
  return [{ id: '1' }]
}

export default function Page() {
  return <p>page</p>
}
