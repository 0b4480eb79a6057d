export function ratio() {
  return window.devicePixelRatio // want "window is not defined on the server: .* \\(components/viewport.tsx calls devicePixels while it renders\\)"
}
