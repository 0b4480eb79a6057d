'use client'
import { Inner } from './inner'
// Client Components may pass anything to each other.
export function Shell() {
  return <Inner />
}
