export const getStaticProps = () => ({}) // want `"getStaticProps" is not supported in app/.`

export async function GET() {
  return new Response('ok')
}
