'use client'
import { Card } from '@mono/ui/card'
import { Tabs } from '@mono/ui/tabs'
import { initials } from '@/lib/initials'
import { loadUser } from '@mono/data'
export function Profile() {
  return <Card><Tabs names={[initials('Ada Lovelace')]} />{String(loadUser)}</Card>
}
