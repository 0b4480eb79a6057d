'use client'
import dynamic from 'next/dynamic'
// In a Client Component, ssr: false is what it is for.
const Map = dynamic(() => import('./map'), { ssr: false })
export function Lazy() {
  return <Map />
}
