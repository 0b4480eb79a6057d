'use strict'

// comment

'use server'

export function bar() {}
