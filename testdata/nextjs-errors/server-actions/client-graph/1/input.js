'use client'

export default function App() {
  async function fn() {
    'use server'
  }
  return <div>App</div>
}
