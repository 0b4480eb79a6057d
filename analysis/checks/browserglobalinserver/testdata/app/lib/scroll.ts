// Not in the server graph, but the module of <Interactive>, which the page
// renders, imports it: server rendering loads it with that module, and
// its top level runs on the server too (oracle:
// browser-global-client-imported-module-level).
import { body } from './dom'

export const root = document.documentElement // want "document is not defined on the server: this code runs when this module loads, and it loads on the server too: components/interactive.tsx imports it, and app/page.tsx renders <Interactive> from the 'use client' module components/interactive.tsx"
export function scrollTop() {
  window.scrollTo(0, body.scrollHeight)
}
