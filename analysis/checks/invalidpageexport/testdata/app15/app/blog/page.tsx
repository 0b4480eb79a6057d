export const revalidate = 60
export async function generateStaticParams() {
  return []
}
export function generateMetadata() {
  return { title: 'blog' }
}
export default function Page() {
  return <p>{wrapTitleSafe()}</p>
}
function wrapTitleSafe() {
  return 'blog'
}
