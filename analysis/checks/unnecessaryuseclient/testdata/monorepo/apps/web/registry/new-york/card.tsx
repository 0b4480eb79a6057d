'use client'
// A registry source: projects that copy it in may render it from a Server Component.
export function Card() {
  return <div />
}
