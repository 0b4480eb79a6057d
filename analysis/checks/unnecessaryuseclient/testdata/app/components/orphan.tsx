'use client'
// Imported by nothing: not for us to judge.
export function Orphan() {
  return null
}
