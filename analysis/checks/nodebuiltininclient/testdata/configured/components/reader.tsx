'use client'
import { readFileSync } from 'fs'

export function Reader() {
  return <button onClick={() => console.log(readFileSync)}>read</button>
}
