export const revalidate = -1 // want `^Next.js can't recognize the exported .revalidate. field in route "/blog/\[slug\]": Unsupported node type "UnaryExpression" at "revalidate"`
export const maxDuration = 1.5 // want `^Invalid segment configuration options detected for "/blog/\[slug\]": Expected integer, received float at "maxDuration"\.$`

export default function Layout({ children }: { children: React.ReactNode }) {
  return children
}
