// Without 'use client', inline Server Functions are fine.
export function ServerForm() {
  async function save() {
    'use server'
  }
  return <form action={save} />
}
