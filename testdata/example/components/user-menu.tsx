'use client'
import { useState } from 'react'
import { currentUser } from '@/lib/session'

export function UserMenu() {
  const [open, setOpen] = useState(false)
  return <button onClick={() => setOpen(!open)}>{open ? String(currentUser) : 'Menu'}</button>
}
