import 'server-only'

export async function loadUser() {
  return { name: 'Ada' }
}
