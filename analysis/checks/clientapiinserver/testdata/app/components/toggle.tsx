// Only reached through the 'use client' boundary in panel.tsx: client code.
import { useReducer } from 'react'
import { formatDate } from '../lib/format'

export function Toggle({ children }: { children: React.ReactNode }) {
  const [on, flip] = useReducer((x: boolean) => !x, false)
  return <div onClick={flip}>{on ? children : formatDate(new Date())}</div>
}
