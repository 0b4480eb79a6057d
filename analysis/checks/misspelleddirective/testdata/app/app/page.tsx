'use-client' // want `Did you mean "use client"\? "use-client" is not a supported directive name.`

export default function Page() {
  return null
}
