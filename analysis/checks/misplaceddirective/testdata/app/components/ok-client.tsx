// Comments and 'use strict' before the directive are fine.
'use strict'
'use client'

export function Ok() {
  return null
}
