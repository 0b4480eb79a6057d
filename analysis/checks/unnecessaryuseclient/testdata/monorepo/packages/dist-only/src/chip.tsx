'use client'
// Exported: index.ts re-exports it.
import { Dot } from './dot'
export function Chip() {
  return <i><Dot /></i>
}
