export function Guarded() {
  if (typeof window === 'undefined') {
    return null
  }
  return <p>{window.location.href}</p>
}

export function Shadowed({ location }: { location: { href: string } }) {
  const document = { title: 'local' }
  return <p>{location.href}{document.title}</p>
}
