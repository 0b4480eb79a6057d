export function formatName(n: string) { // want env:"client|shared"
  return n.toUpperCase()
}
