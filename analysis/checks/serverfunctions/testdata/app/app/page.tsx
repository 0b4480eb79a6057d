export default function Page() {
  async function save(data: FormData) {
    'use server'
    console.log(data)
  }
  function syncSave() { // want `Server Actions must be async functions.`
    'use server'
  }
  const cached = () => { // want `"use cache" functions must be async functions.`
    'use cache'
    return 1
  }
  return <form action={save}>{String(syncSave) + cached()}</form>
}
