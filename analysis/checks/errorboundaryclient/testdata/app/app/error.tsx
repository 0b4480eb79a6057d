// The root error boundary.
export default function Error({ reset }: { reset: () => void }) { // want `app/error.tsx must be a Client Component. Add the "use client" directive`
  return <button onClick={reset}>Retry</button>
}
