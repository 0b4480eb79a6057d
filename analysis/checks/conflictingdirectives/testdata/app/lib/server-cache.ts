'use server'
'use cache' // want `Conflicting directives "use server" and "use cache" found in the same file.`

export async function h() {
  'use cache'
  'use server' // want `Conflicting directives "use server" and "use cache" found in the same function body.`
}
