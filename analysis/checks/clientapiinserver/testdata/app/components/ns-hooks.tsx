import * as React from 'react'

export function Card() {
  const [v] = React.useState(0) // want "depends on `useState`"
  return <p>{v}</p>
}

// Never imported by a Server Component: its hooks never run on the server.
export function Unused() {
  const ref = React.useRef(null)
  return <p ref={ref} />
}

export const ThemeContext = React.createContext('light') // want "depends on `createContext`"
