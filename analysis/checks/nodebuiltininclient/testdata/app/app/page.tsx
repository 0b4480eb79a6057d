// A Server Component: Node.js's modules are there.
import { readFileSync } from 'fs'
import { Reader } from '../components/reader'
import { Tools } from '../components/tools'
import { hostname } from '../lib/server-helper'

export default function Page() {
  return (
    <main>
      <Reader name={hostname()} />
      <Tools size={readFileSync('/etc/hostname').length} />
    </main>
  )
}
