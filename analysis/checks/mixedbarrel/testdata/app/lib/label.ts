export function formatLabel(s: string) {
  return s.trim()
}
