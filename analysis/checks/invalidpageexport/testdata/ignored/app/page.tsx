// typescript.ignoreBuildErrors: type errors do not stop the build.
export function formatTitle(s: string) {
  return s.toUpperCase()
}

export default function Page() {
  return <h1>{formatTitle('page')}</h1>
}
