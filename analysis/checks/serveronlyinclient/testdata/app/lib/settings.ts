// Not a Client Component itself, but reached from one: the import of the
// server-only db module is where the client graph goes wrong.
import { getUser } from './db' // want `depends on "server-only" into a React Client Component module. .*\(lib/db.ts imports "server-only".\)`

export function loadSettings() {
  return getUser
}
