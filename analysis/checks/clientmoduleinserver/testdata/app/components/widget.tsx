// Declares itself client-only and is imported by the page: Next.js
// reports the import of client-only here, with the chain from the page.
import 'client-only' // want `You're importing a component that imports client-only. .*\nImport chain: app/page.tsx → components/widget.tsx`
export function Widget() {
  return null
}
