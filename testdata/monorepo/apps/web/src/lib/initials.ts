// Shared and correct on both sides.
export function initials(name: string) {
  return name.split(' ').map((p) => p[0]).join('')
}
