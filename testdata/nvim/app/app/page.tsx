import { Post } from '@/components/post'
import { Sidebar } from '@/components/sidebar'

export default function Home() {
  return (
    <main>
      <Sidebar />
      <Post title="Hello" />
    </main>
  )
}
