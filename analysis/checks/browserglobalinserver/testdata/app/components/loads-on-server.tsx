'use client'
// The page renders a component of this module, so server rendering loads
// it: what its top level reads runs on the server.
const initialWidth = window.innerWidth // want "window is not defined on the server: this code runs when this 'use client' module loads, and it loads on the server too, because app/page.tsx renders <Resizer> from it"

// Under a condition, in a function, after a typeof check: left alone.
const ratio = canUseDOM() ? window.devicePixelRatio : 1
function title() {
  return document.title
}

function canUseDOM() {
  return typeof window !== 'undefined'
}

export function Resizer() {
  return <p onClick={() => title()}>{initialWidth}{ratio}</p>
}
