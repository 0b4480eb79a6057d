'use client'

export default function App() {
  function helper() {
    'use client'
  }
  return <div>App</div>
}
