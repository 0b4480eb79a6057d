'use client'
// Imported only by another Client Component: function props are fine.
export function Menu({ onPick, children }: { onPick: () => void; children: React.ReactNode }) {
  return <nav onClick={onPick}>{children}</nav>
}
