'use client'
import { readFileSync } from 'fs' // want `Module not found: Can't resolve 'fs'. It is a Node.js module, which the browser does not have`
import { readFile } from 'node:fs/promises' // want `Can't resolve 'node:fs/promises'`
import path from 'path'
import { promisify } from 'util'
import type { Stats } from 'node:fs'
import { Socket } from 'net'

export function Reader({ name, stats }: { name: string; stats?: Stats }) {
  const read = promisify(readFile)
  return (
    <button onClick={() => console.log(readFileSync(path.join('/etc', name)), read, stats, Socket)}>
      read
    </button>
  )
}
