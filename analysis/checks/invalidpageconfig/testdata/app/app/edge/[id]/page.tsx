export const runtime = 'edge'

export async function generateStaticParams() { // want "Page \"/edge/\\[id\\]/page\" cannot use both `export const runtime = 'edge'` and export `generateStaticParams`."
  return [{ id: '1' }]
}

export default function Page() {
  return <p>page</p>
}
