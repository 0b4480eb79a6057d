'use sevrer'

export async function foo() {}
