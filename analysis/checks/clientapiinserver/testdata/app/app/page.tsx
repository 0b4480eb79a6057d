import { Counter } from '../components/counter'
import { Panel } from '../components/panel'
import { formatDate } from '../lib/format'
import { Legacy } from '../components/legacy'
import { Card } from '../components/ns-hooks'

export default function Page() {
  return (
    <Panel>
      <Counter />
      <Legacy />
      <Card />
      {formatDate(new Date())}
    </Panel>
  )
}
