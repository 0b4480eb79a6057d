import { Shell } from '../components/shell'

export default function Page() {
  return <Shell />
}
