// This is a comment.

'use strict'

/**
 * This is a comment.
 */

import 'react-dom/server'

import 'react-dom/client'

export default function () {
  return null
}
