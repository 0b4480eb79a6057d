import dynamic from 'next/dynamic'
import { Lazy } from '../components/lazy'

const Map = dynamic(() => import('../components/map'), { ssr: false }) // want "`ssr: false` is not allowed with `next/dynamic` in Server Components."
const Chart = dynamic(() => import('../components/map'))

export default function Page() {
  return <div><Map /><Chart /><Lazy /></div>
}
