'use server'

export function foo() {}
