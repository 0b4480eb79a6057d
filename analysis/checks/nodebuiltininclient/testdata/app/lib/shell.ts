// Imported by a Client Component: in the client graph, with the chain.
import { execSync } from 'node:child_process' // want `Can't resolve 'node:child_process'.*\n.*components/tools.tsx → lib/shell.ts`

export function run(cmd: string) {
  // import() and require() are left alone: under typeof window checks,
  // the browser build drops them.
  return import('worker_threads').then(() => execSync(cmd))
}
