// No directive, but it uses state: it works only where a client boundary
// brings it in.
import { useState } from 'react' // want "depends on `useState` into a React Server Component module"
export function Tabs({ names }: { names: string[] }) {
  const [i] = useState(0)
  return <nav>{names[i]}</nav>
}
