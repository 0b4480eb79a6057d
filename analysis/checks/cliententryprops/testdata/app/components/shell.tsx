'use client'
import { Menu } from './menu'
export function Shell({ children }: { children: React.ReactNode }) {
  return <Menu onPick={() => 1}>{children}</Menu>
}
