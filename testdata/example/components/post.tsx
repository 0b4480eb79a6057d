import { LikeButton } from './like-button'
import { Counter } from './counter'

export function Post({ title }: { title: string }) {
  return (
    <article>
      <h2>{title}</h2>
      <LikeButton />
      <Counter initial={1} onChange={(n: number) => console.log(n)} />
    </article>
  )
}
