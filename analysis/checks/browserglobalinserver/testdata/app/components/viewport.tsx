import { viewportWidth, scrolled, devicePixels } from '../lib/measure'
import { clicked, later, maybe } from '../lib/measure'

// A helper of this module that the component calls while rendering.
function half() {
  return window.innerWidth / 2 // want "window is not defined on the server: .* while a Server Component renders \\(components/viewport.tsx calls half while it renders\\)"
}

// Called only from a callback of the render: left alone.
function perItem() {
  return document.title
}

export function Viewport() {
  onMount(() => later())
  return (
    <p onClick={() => clicked()}>
      {viewportWidth()}
      {half()}
      {scrolled}
      {devicePixels()}
      {[1, 2].map(() => perItem())}
      {scrolled > 0 && maybe()}
    </p>
  )
}

function onMount(f: () => void) {
  return f
}
