'use client'
'use cache'

export async function foo() {}
