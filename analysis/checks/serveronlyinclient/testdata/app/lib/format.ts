export function formatName(n: string) {
  return n.toUpperCase()
}
