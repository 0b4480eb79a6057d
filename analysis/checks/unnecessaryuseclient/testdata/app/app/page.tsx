import { Shell } from '../components/shell'
import { Card } from '../components/card'

export default function Page() {
  return <Shell><Card /></Shell>
}
