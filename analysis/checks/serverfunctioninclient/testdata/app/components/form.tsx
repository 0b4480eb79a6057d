'use client'

export function Form() {
  async function save() {
    'use server' // want `It is not allowed to define inline "use server" annotated Server Actions in Client Components.`
  }
  const load = async () => {
    'use cache' // want `It is not allowed to define inline "use cache" annotated functions in Client Components.`
    return 1
  }
  return <form action={save}>{String(load)}</form>
}
