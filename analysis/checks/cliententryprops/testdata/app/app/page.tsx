import { Dialog } from '../components/dialog'
import { Shell } from '../components/shell'

export default function Page() {
  return (
    <Shell>
      <Dialog title="Hello" />
    </Shell>
  )
}
