// This is a comment.

'use strict'

import { ImageResponse } from 'next/server'

export default function () {
  return new ImageResponse()
}
