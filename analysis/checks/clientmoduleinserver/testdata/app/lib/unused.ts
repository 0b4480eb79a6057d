// An unused import: webpack checks after TypeScript elides it, Turbopack
// before.
import { renderToString } from 'react-dom/server' // want `imports react-dom/server. .* This fails with Turbopack`
export const unused = 1
