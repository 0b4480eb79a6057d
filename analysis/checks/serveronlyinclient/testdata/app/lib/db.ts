// Declares itself server-only: fine, and fine to import from the server.
import 'server-only'

export async function getUser() {
  return { name: 'Ada' }
}
