export function Badge() {
  return <span />
}
