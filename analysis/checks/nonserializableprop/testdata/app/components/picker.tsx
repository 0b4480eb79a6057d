'use client'
export function Picker(props: Record<string, unknown>) {
  return <div>{String(props)}</div>
}
