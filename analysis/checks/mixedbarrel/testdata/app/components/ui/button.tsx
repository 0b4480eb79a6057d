'use client'
export function Button({ children }: { children: React.ReactNode }) {
  return <button>{children}</button>
}
