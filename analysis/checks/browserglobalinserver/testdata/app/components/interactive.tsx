'use client'
// A client boundary: browser globals are fine in its effects and event
// handlers and in what it imports. The page renders it, so its render runs
// on the server too; reads that some renders skip, and those of components
// that call a hook that may suspend or bail out of server rendering, are
// left alone. React's own hooks that do neither (useState, useEffect, ...)
// do not stop the render.
import * as React from 'react'
import { use, useEffect, useState } from 'react'
import { useSearchParams } from 'next/navigation'
import dynamic from 'next/dynamic'
import { scrollTop } from '../lib/scroll'
import type { Agent } from '../lib/agent'
// In the server graph as well: its top level is reported there, once.
import { NotImported } from './width'

// Loaded in the browser only: nothing loads its module on the server.
const OnlyInClient = dynamic(() => import('./client-only-rendered').then((m) => m.OnlyInClient), { ssr: false })

export function Interactive() {
  useEffect(() => scrollTop(), [])
  return <p>{window.innerHeight}</p> // want "window is not defined on the server: <Interactive> is a Client Component that app/page.tsx renders"
}

export function Boxed() {
  const box = React.useRef(null)
  return <p ref={box}>{document.title}</p> // want "document is not defined on the server: <Boxed> is a Client Component"
}

export function Banner({ error }: { error?: string }) {
  if (error) {
    return <p>{window.location.href}</p>
  }
  return <p>{typeof document}{error ?? navigator.language}</p>
}

// Past a return that some renders take: left alone.
export function Counter() {
  const [count] = useState(0)
  if (count > 0) return null
  return <p>{window.innerWidth}</p>
}

// useSearchParams bails out of prerendering; use suspends; a custom hook
// may do either.
export function Searched() {
  const params = useSearchParams()
  return <p>{params.get('q')}{window.location.hash}</p>
}

export function Suspended({ data }: { data: Promise<string> }) {
  const text = use(data)
  return <p>{text}{window.innerWidth}</p>
}

export function Custom() {
  const mounted = useMounted()
  return <p>{String(mounted)}{window.innerWidth}<OnlyInClient /></p>
}

function useMounted() {
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])
  return mounted
}

export function Width() {
  const w = window.innerWidth // want "window is not defined on the server: <ClientWidth> is a Client Component that app/page.tsx renders"
  return <p>{w}</p>
}

// Exported, but no Server Component renders it.
export function Height({ agent }: { agent?: Agent }) {
  return <p>{window.innerHeight}{agent}<NotImported /></p>
}
