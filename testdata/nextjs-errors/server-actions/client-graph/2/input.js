'use client'

export default function App() {
  async function fn() {
    'use cache'
  }
  return <div>App</div>
}
