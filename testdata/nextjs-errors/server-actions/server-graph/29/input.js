'use cache'
'use client'

export async function foo() {}
