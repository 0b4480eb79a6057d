const initial = window.innerWidth // want "window is not defined on the server: this module is in the server graph, and this code runs when the module loads"

export function Width() {
  const title = document.title // want "document is not defined on the server: .* while a Server Component renders"
  function onResize() {
    return window.innerWidth // inside a handler: never runs during render
  }
  return <p>{title}{initial}{String(onResize)}</p>
}

// app/page.tsx imports this one but never uses it: TypeScript drops the
// name from the import, so nothing renders it on the server.
export function Unused() {
  return <p>{localStorage.length}</p>
}

// Exported but imported by no server module: never rendered on the server.
export function NotImported() {
  return <p>{sessionStorage.length}</p>
}
