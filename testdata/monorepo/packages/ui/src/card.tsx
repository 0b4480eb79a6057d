// Shared: rendered by Server Components and by Client Components alike.
import { cx } from './cx'
export function Card({ children }: { children: React.ReactNode }) {
  return <div className={cx('card')}>{children}</div>
}
