import 'react'

// prettier-ignore
;'use client'

export default function Page() {
  return null
}
