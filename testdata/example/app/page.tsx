import { Counter } from '@/components/counter'
import { saveNote } from '@/lib/actions'

export default function Home() {
  return (
    <main>
      <h1>Notes</h1>
      <Counter initial={1} />
      <form action={saveNote}>
        <input name="note" />
      </form>
    </main>
  )
}
