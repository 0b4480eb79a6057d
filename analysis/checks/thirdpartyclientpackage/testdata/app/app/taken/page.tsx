// The name the fix would give the new file is taken: no fix.
import { Provider } from 'ctx-lib' // want `The package "ctx-lib" uses .createContext.`
import { note } from './ctx-lib-client'

export default function Page() {
  return <Provider>{note}</Provider>
}
