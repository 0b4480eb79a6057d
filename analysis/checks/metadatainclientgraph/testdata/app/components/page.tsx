// want env:"client"
// Not a page of the App Router, only a file named page.
export const metadata = { kind: 'widget' }

export default function Widget() {
  return null
}
