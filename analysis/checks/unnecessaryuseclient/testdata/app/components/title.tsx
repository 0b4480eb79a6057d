'use client' // want `This "use client" is not needed: only Client Component modules import this module`
export function Title({ text }: { text: string }) {
  return <h1>{text}</h1>
}
