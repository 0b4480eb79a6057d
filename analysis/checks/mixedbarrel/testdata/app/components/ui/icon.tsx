export function Icon() {
  return <svg />
}
