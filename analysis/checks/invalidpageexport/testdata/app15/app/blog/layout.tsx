function wrap(s: string) {
  return `[${s}]`
}

export { wrap as wrapTitle } // want `Layout "app/blog/layout.tsx" does not match the required types of a Next.js Layout. "wrapTitle" is not a valid Layout export field.`

export default function Layout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>
}
