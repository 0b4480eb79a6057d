'use client'
// Imported by a Server Component: the directive is what makes it client.
import { Title } from './title'
import { Clock } from './clock'
export function Shell({ children }: { children: React.ReactNode }) {
  return <main><Title text="Home" /><Clock />{children}</main>
}
