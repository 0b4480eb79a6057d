import { Provider } from 'ctx-lib' // want `The package "ctx-lib" uses .createContext., which only works in Client Components, but it is not marked with "use client"`
import { Tooltip } from 'ui-kit' // want `The package "ui-kit" uses .useState.`
import { format } from 'safe-lib'
import { Chart } from 'modern-lib'
import { Old } from 'cjs-lib' // want `The package "cjs-lib" uses a class component`
import { Wrapper } from '../components/wrapper'

export default function Page() {
  return (
    <Provider>
      <Tooltip />
      <Chart />
      <Wrapper />
      {format(1)}
      {String(Old)}
    </Provider>
  )
}
