// Rendered by a Server Component.
export function Buttons({ onPress }: { onPress?: () => void }) {
  return (
    <div>
      <button onClick={onPress}>passes a prop through: whatever the caller gave</button>
      <ul>
        {[1, 2].map((n) => (
          <li key={n} onMouseEnter={() => n}>{n}</li> // want "<li onMouseEnter="
        ))}
      </ul>
    </div>
  )
}

export function NeverRenderedOnServer() {
  return <button onClick={() => 1}>x</button>
}
