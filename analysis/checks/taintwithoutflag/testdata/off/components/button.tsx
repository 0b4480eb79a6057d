'use client'
import { experimental_taintUniqueValue } from 'react' // want `experimental_taintUniqueValue`

export function Button() {
  return <button onClick={() => experimental_taintUniqueValue('x', {}, 'y')}>go</button>
}
