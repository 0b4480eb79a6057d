// This is a comment.
import { ImageResponse } from 'next/server' // want `^ImageResponse moved from "next/server" to "next/og" since Next\.js 14, please import from "next/og" instead$`

export function GET() {
  return new ImageResponse(<div>og</div>)
}
