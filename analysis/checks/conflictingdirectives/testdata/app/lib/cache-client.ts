'use cache'
'use client' // want `It's not possible to have both "use client" and "use cache" directives in the same file.`

export async function g() {}
