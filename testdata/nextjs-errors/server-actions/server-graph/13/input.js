'use client'
'use strict'

// This is a comment.

'use server'

export async function foo() {}
