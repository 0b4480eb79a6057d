// A Server Component: its props never leave the server.
export function ServerList({ render }: { render: () => number }) {
  return <ul>{render()}</ul>
}
