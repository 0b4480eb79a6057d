'use cache'

export default async function Page() {
  return <p>hello world</p>
}
