'use client'
// Imported by a Server Component: the directive is what makes it client.
import { Title } from './title'
import { Clock } from './clock'
import { Avatar } from './avatar'
export function Shell({ children }: { children: React.ReactNode }) {
  return <main><Title text="Home" /><Clock /><Avatar />{children}</main>
}
