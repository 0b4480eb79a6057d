'use client'
import { Button, Icon as Glyph } from './ui' // want `This import goes through the barrel components/ui/index.ts, which also re-exports lib/data.ts, a module that depends on "next/headers"; importing the barrel brings it into the client graph.`
import { formatLabel } from '../lib' 

export function Toolbar({ children }: { children: React.ReactNode }) {
  return <Button><Glyph />{formatLabel('x')}{children}</Button>
}
