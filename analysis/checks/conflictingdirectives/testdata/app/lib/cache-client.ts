'use cache'
// want +1 `It's not possible to have both "use client" and "use cache" directives in the same file.`
'use client'

export async function g() {}
