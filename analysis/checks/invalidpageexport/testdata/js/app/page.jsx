// No tsconfig.json: next build does not type-check the app.
export function formatTitle(s) {
  return s.toUpperCase()
}

export default function Page() {
  return <h1>{formatTitle('page')}</h1>
}
