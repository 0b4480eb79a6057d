"use Client" // want `Did you mean "use client"\?`

export function Other() {
  return null
}
