'use client'
'use server' // want `It's not possible to have both "use client" and "use server" directives in the same file.`

export async function f() {}
