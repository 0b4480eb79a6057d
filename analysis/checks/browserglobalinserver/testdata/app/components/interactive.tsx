'use client'
// A client boundary: browser globals are fine in its effects and event
// handlers and in what it imports. The page renders it, so its render runs
// on the server too; reads that some renders skip, and those of components
// that call hooks (which may bail out of server rendering), are left alone.
import { useEffect } from 'react'
import { scrollTop } from '../lib/scroll'

export function Interactive() {
  useEffect(() => scrollTop(), [])
  return <p>{window.innerHeight}</p>
}

export function Banner({ error }: { error?: string }) {
  if (error) {
    return <p>{window.location.href}</p>
  }
  return <p>{typeof document}{error ?? navigator.language}</p>
}

export function Width() {
  const w = window.innerWidth // want "window is not defined on the server: <ClientWidth> is a Client Component that app/page.tsx renders"
  return <p>{w}</p>
}

// Exported, but no Server Component renders it.
export function Height() {
  return <p>{window.innerHeight}</p>
}
