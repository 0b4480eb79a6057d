export default function Page() {
  'use client'
  return null
}

export function foo() {
  'use client'
}

export const bar = () => {
  'use client'
}
