export default function Page() {
  'use client'
  return null
}

if (true) {
  'use cache'
}
