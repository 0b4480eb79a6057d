'use client'
// The module tests where it runs: its reads are left alone.
const isBrowser = typeof window !== 'undefined'
const initialWidth = window.innerWidth

export function Measured() {
  return <p>{String(isBrowser)}{initialWidth}</p>
}
