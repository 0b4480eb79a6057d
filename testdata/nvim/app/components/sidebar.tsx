import { useEffect } from 'react'
'use client'

export function Sidebar() {
  useEffect(() => {}, [])
  return <aside />
}
