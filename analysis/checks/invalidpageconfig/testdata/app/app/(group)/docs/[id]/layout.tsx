'use client'

export function generateStaticParams() { // want `Layout "/\(group\)/docs/\[id\]/layout" cannot use both "use client"`
  return [{ id: '1' }]
}

export default function Layout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>
}
