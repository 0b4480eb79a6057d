// makeTheme is called on the server: a reference to a Client Component
// would not do, so no fix is offered.
import { Provider, makeTheme } from 'ctx-lib' // want `The package "ctx-lib" uses .createContext.`

export default function Page() {
  const theme = makeTheme()
  return <Provider>{theme.mode}</Provider>
}
