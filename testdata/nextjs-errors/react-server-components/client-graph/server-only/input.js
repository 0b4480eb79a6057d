// This is a comment.

'use strict'

/**
 * This is a comment.
 */

import 'server-only'

export default function () {
  return null
}
