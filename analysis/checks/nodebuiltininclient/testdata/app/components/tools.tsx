'use client'
import { run } from '../lib/shell'
import { inspect } from 'fs-lib'

export function Tools({ size }: { size: number }) {
  return <button onClick={() => run(String(size + inspect()))}>run</button>
}
