import { renderToString } from 'react-dom/server' // want `You're importing a component that imports react-dom/server. To fix it, render or return the content directly`
import { Widget } from '../components/widget'
import { Chart } from '../components/chart'
import { Map } from '../components/map'
import { toHTML, toHTMLSync } from '../lib/html'
import { unused } from '../lib/unused'
import { theme } from 'theme-kit' // want `You're importing a component that imports client-only. .*\(node_modules/theme-kit/index.js imports "client-only".\)`

export default async function Page() {
  return <div data-x={[await toHTML(null), toHTMLSync(null), unused, theme].join()}>{renderToString(<Widget />)}<Chart /><Map /></div>
}
