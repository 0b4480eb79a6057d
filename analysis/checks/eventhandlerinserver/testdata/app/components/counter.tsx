'use client'
export function Counter() {
  return <button onClick={() => 1}>+</button>
}
