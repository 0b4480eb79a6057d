import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'OK' }

export default function Page() {
  return null
}
