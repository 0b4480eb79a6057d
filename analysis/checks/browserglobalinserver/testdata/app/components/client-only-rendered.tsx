'use client'
// Read when the module loads, but only a Client Component renders it:
// it may load in the browser only.
const initialHeight = window.innerHeight

export function OnlyInClient() {
  return <span>{initialHeight}</span>
}
