'use action'

export async function foo() {}
