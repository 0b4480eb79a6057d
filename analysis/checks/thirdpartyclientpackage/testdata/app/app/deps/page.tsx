// select-kit has no client API of its own: it loads float-kit, which
// calls createContext when it loads. lean-kit says "sideEffects": false,
// so the bundlers leave out its select.js, whose export the page does not
// use, and float-kit with it.
import { Select } from 'select-kit' // want `The package "select-kit" loads the package "float-kit", which uses .createContext.`
import { formatLabel } from 'lean-kit'

export default function Page() {
  return <Select>{formatLabel('deps')}</Select>
}
