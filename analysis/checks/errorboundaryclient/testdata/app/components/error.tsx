// Outside app/: an ordinary module.
export function ErrorMessage() {
  return null
}
