// want env:"server"
import { token } from '../lib/secret'

export default function Page() {
  return <p>{token}</p>
}
