import 'client-only'
export function Widget() {
  return null
}
