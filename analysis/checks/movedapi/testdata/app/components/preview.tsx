'use client' // want env:"client"
// The client graph builds: the old export throws only when called.
import { ImageResponse } from 'next/server'

export default function Preview() {
  return <p>{typeof ImageResponse}</p>
}
