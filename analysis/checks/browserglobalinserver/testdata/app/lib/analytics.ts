// Shared helpers: only the body of track runs on the server, and it
// guards its browser access.
export function track(event: string) {
  if (typeof window !== 'undefined') {
    window.dispatchEvent(new CustomEvent(event))
  }
}
