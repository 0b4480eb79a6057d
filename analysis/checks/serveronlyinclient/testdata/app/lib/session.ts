// Only its types are imported by lib/settings.ts: TypeScript erases that
// import, so this module is not in the client graph.
import 'server-only'

export type Session = { user: string }
