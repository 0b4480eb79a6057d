export const prefetch = 'auto' // Next.js 16 reads it
export const unstable_instant = { prefetch: 'static' } // a canary's name for instant: left alone

export function formatTitle(s: string) { // want `"formatTitle" is not a valid Page export field. This fails when webpack builds the app \(every build of Next.js 15, next build --webpack in 16\)`
  return s.toUpperCase()
}

export default function Page() {
  return <h1>{formatTitle('page')}</h1>
}
