// This is a comment.

'use strict'

/**
 * This is a comment.
 */

import { unstable_variant } from 'next/variants'

export default function () {
  return null
}
