import { renderToString } from 'react-dom/server' // want `You're importing a component that imports react-dom/server. To fix it, render or return the content directly`
import { Widget } from '../components/widget' // want `You're importing a component that imports client-only. .*\(components/widget.tsx imports "client-only".\)`
import { Chart } from '../components/chart'
import { Map } from '../components/map'

export default function Page() {
  return <div>{renderToString(<Widget />)}<Chart /><Map /></div>
}
