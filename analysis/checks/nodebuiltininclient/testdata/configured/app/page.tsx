import { Reader } from '../components/reader'

export default function Page() {
  return <Reader />
}
