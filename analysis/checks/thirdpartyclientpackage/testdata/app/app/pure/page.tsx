// The server renders the provider: its module runs, and so does the
// context it uses, /*#__PURE__*/ or not. (A package of its own: what one
// page uses of a module, every importer of that module gets.)
import { TitleProvider } from 'pure-used' // want `The package "pure-used" uses .createContext.`

export default function Page() {
  return <TitleProvider>pure</TitleProvider>
}
