'use cache'
'use server'

export async function fn() {}
