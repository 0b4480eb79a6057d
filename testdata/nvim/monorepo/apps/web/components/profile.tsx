'use client'
import { loadUser } from '@mono/db'

export function Profile() {
  return <p>{String(loadUser)}</p>
}
