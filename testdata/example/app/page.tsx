import { Post } from '@/components/post'
import { UserMenu } from '@/components/user-menu'
import { saveNote } from '@/lib/actions'

export default function Home() {
  return (
    <main>
      <UserMenu />
      <Post title="Hello" />
      <form action={saveNote}>
        <input name="note" />
      </form>
    </main>
  )
}
