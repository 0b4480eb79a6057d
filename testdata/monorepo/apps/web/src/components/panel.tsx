'use client'
import { Button } from '@mono/ui/button'
import { initials } from '@/lib/initials'
export function Panel() {
  return <Button label={initials('Grace Hopper')} />
}
