import { Card } from '@mono/ui' // want `goes through the barrel packages/ui/src/index.ts, which also re-exports packages/ui/src/tabs.tsx, a module that uses useState without "use client"`
export default function Layout({ children }: { children: React.ReactNode }) {
  return <html><body><Card>{children}</Card></body></html>
}
