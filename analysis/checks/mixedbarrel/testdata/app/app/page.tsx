import { Toolbar } from '@/components/toolbar'
import { Badge } from '@/components/ui' // want `This import goes through the barrel components/ui/index.ts, which also re-exports components/ui/counter.tsx, a module that uses useState without "use client"; importing the barrel brings it into the server graph.`

export default function Page() {
  return <Toolbar><Badge /></Toolbar>
}
