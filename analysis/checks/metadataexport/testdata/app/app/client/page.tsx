'use client'

export const metadata = { title: 'Client' } // want `You are attempting to export "metadata" from a component marked with "use client", which is disallowed.`

export default function Page() {
  return null
}
