'use client'
// A client boundary: browser globals are fine here and in what it imports.
import { useEffect } from 'react'
import { scrollTop } from '../lib/scroll'

export function Interactive() {
  useEffect(() => scrollTop(), [])
  return <p>{window.innerHeight}</p>
}
