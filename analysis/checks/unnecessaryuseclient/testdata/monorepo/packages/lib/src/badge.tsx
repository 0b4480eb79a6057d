'use client'
// A workspace package imported by name: another package imports it.
export function Badge() {
  return <span />
}
