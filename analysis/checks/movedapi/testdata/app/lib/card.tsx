// want env:"server"
import { ImageResponse } from 'next/server' // want `ImageResponse moved.*\nImport chain: app/card/page\.tsx → lib/card\.tsx$`
import type { ImageResponse as Old } from 'next/server'
import { ImageResponse as New } from 'next/og'

export function card(): Old | New {
  return new ImageResponse(<div>card</div>)
}
