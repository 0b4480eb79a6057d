// select-kit has no client API of its own: it loads float-kit, which
// calls createContext when it loads. lean-kit says "sideEffects": false,
// so the bundlers leave out its select.js, whose export the page does not
// use, and float-kit with it. pure-kit's provider.js only defines
// bindings (its createContext is marked /*#__PURE__*/), so the bundlers
// leave it out too; in pure-one the module runs, but the minifier drops
// the unused context.
import { Select } from 'select-kit' // want `The package "select-kit" loads the package "float-kit", which uses .createContext.`
import { formatLabel } from 'lean-kit'
import { formatLabel as shout } from 'pure-kit'
import { formatTitle } from 'pure-one'

export default function Page() {
  return <Select>{formatLabel('deps')}{shout(formatTitle(' x '))}</Select>
}
