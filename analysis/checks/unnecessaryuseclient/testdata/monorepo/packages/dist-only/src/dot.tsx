'use client'
// Only chip.tsx imports it, but an export leads to built output the graph does not follow.
export function Dot() {
  return <b />
}
