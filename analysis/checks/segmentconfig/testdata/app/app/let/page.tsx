import { ONE_HOUR } from '../../lib/time'

// Next.js reads only export const; a let is taken when the module runs.
export let revalidate = ONE_HOUR * 2
export function generateStaticParams() {
  return []
}

export default function Page() {
  return <p>let</p>
}
