// No directive, reached from app/page.tsx: a Server Component module.
import { useState as useLocalState, useEffect } from 'react' // want "depends on `useState` into a React Server Component module" "depends on `useEffect`"

export function Counter() {
  const [n, setN] = useLocalState(0)
  useEffect(() => setN(1), [])
  return <span>{n}</span>
}
