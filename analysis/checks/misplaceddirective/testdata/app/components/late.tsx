import { useState } from 'react'
'use client' // want `The "use client" directive must be placed before other expressions`

export function Late() {
  const [n] = useState(0)
  return <p>{n}</p>
}
