// Loaded with lib/scroll.ts, one import further.
export const body = document.body // want "document is not defined on the server: .*: lib/scroll.ts imports it, and components/interactive.tsx loads that with its imports, and app/page.tsx renders <Interactive>"
