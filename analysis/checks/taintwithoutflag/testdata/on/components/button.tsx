'use client'
import { experimental_taintUniqueValue } from 'react'

export function Button() {
  return <button onClick={() => experimental_taintUniqueValue('x', {}, 'y')}>go</button>
}
