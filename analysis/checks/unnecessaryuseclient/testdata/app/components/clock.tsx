'use client'
// Only client importers, but it uses a hook: keep the directive.
import { useEffect, useState } from 'react'
export function Clock() {
  const [now, setNow] = useState(0)
  useEffect(() => setNow(Date.now()), [])
  return <time>{now}</time>
}
