'use server'

import { helper } from './helper'
import type { Input } from './types'

export async function ok(input: Input) {
  return helper(input)
}

export const okArrow = async () => {}

export const fromCall = createAction(helper)

export type { Input }

export interface Shape {
  a: number
}

export function sync() { // want `Server Actions must be async functions.`
  return 1
}

export const syncArrow = () => 2 // want `Server Actions must be async functions.`

export const value = 42 // want `Only async functions are allowed to be exported in a "use server" file.`

export const config = { retries: 3 } // want `Only async functions are allowed`

export class Repo {} // want `Only async functions are allowed`

export * from './more' // want `Only async functions are allowed`

export { other } from './more' // want `Only async functions are allowed`

function local() {
  return 0
}

export { local } // want `Server Actions must be async functions.`

export default function () { // want `Server Actions must be async functions.`
  return 3
}

declare function createAction(fn: unknown): () => Promise<void>
