'use client'

// Its own 'use client' makes it metadataExport's finding, not this check's.
export const metadata = { title: 'Client' }

export default function ClientPage() {
  return null
}
