export const unstable_instant = { prefetch: 'static' }

export default function Page() {
  return <div>Hello</div>
}
