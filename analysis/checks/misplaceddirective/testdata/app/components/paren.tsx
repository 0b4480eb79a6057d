/* A license header comment does not end the prologue. */
('use client') // want `The "use client" directive must be placed before other expressions`

export function Paren() {
  return null
}
