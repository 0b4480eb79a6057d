// Not a Client Component itself, but reached from one; the import of the
// server-only db module is reported in lib/db.ts, at its own import.
import { getUser } from './db'
import type { Session } from './session'
import { type Token, readToken } from './token'

export function loadSettings(s?: Session): typeof readToken | Token | undefined {
  return s ? getUser : undefined
}
