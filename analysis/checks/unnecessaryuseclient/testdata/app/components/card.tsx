'use client'
// Imported by a Server Component.
export function Card() {
  return <div />
}
