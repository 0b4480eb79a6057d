// Only reached through the client boundary.
export const root = document.documentElement
export function scrollTop() {
  window.scrollTo(0, 0)
}
