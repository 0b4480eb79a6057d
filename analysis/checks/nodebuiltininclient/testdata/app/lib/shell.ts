// Imported by a Client Component: in the client graph, with the chain.
import { execSync } from 'node:child_process' // want `Can't resolve 'node:child_process'.*\n.*components/tools.tsx → lib/shell.ts`

export function run(cmd: string) {
  return import('worker_threads').then(() => execSync(cmd)) // want `Can't resolve 'worker_threads'`
}
