'use server'
'use client'

export async function foo() {}
