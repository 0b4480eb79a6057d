import { Width, Unused } from '../components/width'
import { Guarded } from '../components/guarded'
import { Interactive, Boxed, Banner, Counter, Searched, Suspended, Custom, Width as ClientWidth } from '../components/interactive'
import { Resizer } from '../components/loads-on-server'
import { Measured } from '../components/guarded-module'
import { track } from '../lib/analytics'
import { Viewport } from '../components/viewport'

export default function Page() {
  track('page')
  return (
    <main>
      <Width />
      <Guarded />
      <Interactive />
      <Boxed />
      <Banner />
      <Counter />
      <Searched />
      <Suspended data={Promise.resolve('x')} />
      <Custom />
      <ClientWidth />
      <Resizer />
      <Measured />
      <Viewport />
    </main>
  )
}
