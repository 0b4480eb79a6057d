// import() and require() of react-dom/server are not checked: the code
// runs where it is called, and the build accepts it.
export async function toHTML(node: unknown) {
  const { renderToStaticMarkup } = await import('react-dom/server')
  return renderToStaticMarkup(node as never)
}
export function toHTMLSync(node: unknown) {
  const { renderToString } = require('react-dom/server')
  return renderToString(node)
}
