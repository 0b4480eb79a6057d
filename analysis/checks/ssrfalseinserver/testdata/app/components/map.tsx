'use client'
export default function Map() {
  return null
}
