'use client'
// Named by the package's exports: other apps may import it from the server.
import { Icon } from './icon'
export function Button() {
  return <button><Icon /></button>
}
