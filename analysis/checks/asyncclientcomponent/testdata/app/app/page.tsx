// Server Components may be async.
export default async function Page() {
  return null
}
