// Directives of other tools and ordinary strings stay silent.
'use strict'

export function memo() {
  'use memo'
  return 1
}

export function noMemo() {
  'use no memo'
  return 2
}

export async function workflow() {
  'use workflow'
  'use step'
}

export function text() {
  'hello world'
  'user list'
  return 3
}
