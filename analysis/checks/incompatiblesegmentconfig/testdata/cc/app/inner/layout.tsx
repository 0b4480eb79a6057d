export { dynamic } from './shared'
const local = 'force-static'
export { local as dynamicParams }

export default function Layout({ children }: { children: React.ReactNode }) {
  return children
}
