import { Buttons } from '../components/buttons'
import { Counter } from '../components/counter'

async function save() {
  'use server'
}

export default function Page() {
  const onClick = () => console.log('clicked')
  return (
    <main>
      <button onClick={() => alert('hi')}>Hi</button> {/* want "Event handlers cannot be passed to Client Component props. <button onClick=" */}
      <button onClick={onClick}>Log</button> {/* want "<button onClick=" */}
      <form action={save} onSubmit={undefined}>
        <button formAction={save}>Save</button>
      </form>
      <Buttons />
      <Counter />
    </main>
  )
}
