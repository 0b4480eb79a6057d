import { LikeButton } from './like-button'

export function Post({ title }: { title: string }) {
  return (
    <article>
      <h2>{title}</h2>
      <LikeButton />
    </article>
  )
}
