// This is a comment.

'use strict'

/**
 * This is a comment.
 */

import { lang } from 'next/root-params'

export default function () {
  return null
}
