'use client'
// Read when the module loads, but only a Client Component renders it,
// through next/dynamic without server rendering: it loads in the browser
// only.
const initialHeight = window.innerHeight

export function OnlyInClient() {
  return <span>{initialHeight}</span>
}
