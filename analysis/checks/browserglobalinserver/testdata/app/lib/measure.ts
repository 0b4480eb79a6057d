// Helpers a Server Component calls while rendering, directly or through
// another helper, and some it only calls from callbacks.
export { ratio as devicePixels } from './ratio'

export function viewportWidth() {
  return innerWidth() + 0
}

function innerWidth() {
  return window.innerWidth // want "window is not defined on the server: .* while a Server Component renders \\(components/viewport.tsx calls viewportWidth while it renders, viewportWidth calls innerWidth\\)"
}

export const scrolled = 0

export function clicked() {
  return localStorage.length
}

export const later = () => sessionStorage.clear()

// Called under a condition: often the code's own test of where it runs.
export function maybe() {
  return window.outerWidth
}

// Guarded: the code knows where it runs.
export function guardedWidth() {
  if (typeof window === 'undefined') return 0
  return window.innerWidth
}
