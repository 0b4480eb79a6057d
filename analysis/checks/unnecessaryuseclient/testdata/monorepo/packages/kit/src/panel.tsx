'use client'
// Published without an exports map: any file can be imported by path.
export function Panel() {
  return <section />
}
