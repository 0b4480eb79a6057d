// A correct page: no directive, nothing to report.
import { Late } from '../components/late'

export default function Page() {
  return <Late />
}
