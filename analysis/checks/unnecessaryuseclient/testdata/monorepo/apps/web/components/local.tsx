'use client' // want `This "use client" is not needed`
// The app's own module, only client modules import it.
export function Local() {
  return <p />
}
