'use client'
// A client boundary: hooks are fine here, and so is everything it imports.
import { useState } from 'react'
import { Toggle } from './toggle'

export function Panel({ children }: { children: React.ReactNode }) {
  const [open] = useState(true)
  return open ? <Toggle>{children}</Toggle> : null
}
