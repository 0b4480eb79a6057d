'use cache'

export async function load() {
  return 1
}

export function syncLoad() { // want `"use cache" functions must be async functions.`
  return 2
}

export const list = [1, 2, 3]
export const settings = { a: 1 }
export const answer = 42 // want `Only async functions are allowed to be exported in a "use cache" file.`
export default { a: 1 } // want `Only async functions are allowed to be exported in a "use cache" file.`
