import { card } from '../../lib/card'
import Preview from '../../components/preview'

export default function Page() {
  return (
    <>
      {card()}
      <Preview />
    </>
  )
}
