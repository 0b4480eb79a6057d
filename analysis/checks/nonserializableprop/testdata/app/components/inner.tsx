// Only reached from the client graph.
import { Picker } from './picker'
export function Inner() {
  return <Picker onSelect={() => 1} />
}
