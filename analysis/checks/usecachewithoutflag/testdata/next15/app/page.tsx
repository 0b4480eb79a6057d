async function cached() {
  'use cache' // want `^To use "use cache", please enable the experimental feature flag "useCache" in your Next\.js config\.$`
  return 1
}

export default async function Page() {
  return <p>{await cached()}</p>
}
