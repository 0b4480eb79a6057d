const fn = function () {
  'use client'
}

export const fnExpr = function named() {
  'use client'
}

export async function foo() {
  return null
  'use client'
}
