import { useRouter } from 'next/router' // want `You have a Server Component that imports next/router. Use next/navigation instead.`
import 'client-only' // want `You're importing a component that imports client-only.`

export default function Old() {
  return String(useRouter)
}
