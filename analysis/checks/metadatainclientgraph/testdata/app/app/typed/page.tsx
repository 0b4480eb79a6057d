// want env:"server"
// The client module imports this page's types only: no edge.
export const metadata = { title: 'Typed' }

export type Props = { id: string }

export default function Typed() {
  return <p>typed</p>
}
