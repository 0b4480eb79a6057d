'use client'
import { useState } from 'react'

export function Counter({ initial, onChange }: { initial: number; onChange?: (n: number) => void }) {
  const [count, setCount] = useState(initial)
  return <button onClick={() => { setCount(count + 1); onChange?.(count + 1) }}>{count}</button>
}
