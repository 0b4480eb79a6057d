export default async function Page() {
  'use cache: x'

  return <p>hello world</p>
}
