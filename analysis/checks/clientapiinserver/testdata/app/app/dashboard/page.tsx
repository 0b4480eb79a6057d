import { useRouter } from 'next/navigation' // want "depends on `useRouter` into a React Server Component module"
import type { Dispatch } from 'react'
// Unused: webpack checks after TypeScript elides it, Turbopack before.
import { useState, type SetStateAction } from 'react' // want "depends on `useState` .* This fails with Turbopack"

export default function Dashboard() {
  const router = useRouter()
  const d: Dispatch<number> | null = null
  return <p>{String(router) + String(d)}</p>
}
