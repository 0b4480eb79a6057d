export default function DashboardError({ reset }: { reset: () => void }) {
  return <button onClick={() => reset()}>Try again</button>
}
