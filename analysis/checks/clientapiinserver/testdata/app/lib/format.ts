// Shared: reached from a Server Component and from client code, and
// correct in both because it uses no client-only API.
export function formatDate(d: Date) {
  return d.toISOString()
}
