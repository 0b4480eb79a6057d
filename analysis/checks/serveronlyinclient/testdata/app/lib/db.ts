// Declares itself server-only: fine from the server. It is reached from a
// Client Component through lib/settings.ts, so the client graph goes wrong
// here, where Next.js reports it.
import 'server-only' // want `depends on "server-only" into a React Client Component module. .*\nImport chain: app/page.tsx → components/settings.tsx → lib/settings.ts → lib/db.ts`

export async function getUser() {
  return { name: 'Ada' }
}
