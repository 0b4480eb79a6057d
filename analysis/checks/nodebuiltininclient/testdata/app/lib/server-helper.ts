// Only Server Components import it.
import { readFileSync } from 'fs'

export function hostname() {
  return readFileSync('/etc/hostname', 'utf8')
}
