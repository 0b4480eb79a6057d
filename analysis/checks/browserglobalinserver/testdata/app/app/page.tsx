import { Width, Unused } from '../components/width'
import { Guarded } from '../components/guarded'
import { Interactive, Banner, Width as ClientWidth } from '../components/interactive'
import { track } from '../lib/analytics'
import { Viewport } from '../components/viewport'

export default function Page() {
  track('page')
  return (
    <main>
      <Width />
      <Guarded />
      <Interactive />
      <Banner />
      <ClientWidth />
      <Viewport />
    </main>
  )
}
