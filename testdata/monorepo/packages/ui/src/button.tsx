'use client'
import { useState } from 'react'
export function Button({ label }: { label: string }) {
  const [pressed, setPressed] = useState(false)
  return <button onClick={() => setPressed(!pressed)}>{label}</button>
}
