'use client'
// Error files need 'use client' whatever they contain.
export default function Error() {
  return null
}
