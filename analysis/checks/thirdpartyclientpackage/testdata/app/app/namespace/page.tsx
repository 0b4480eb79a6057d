// A namespace import would need `export *`, which a 'use client' file may
// not have: no fix.
import * as Kit from 'ui-kit' // want `The package "ui-kit" uses .useState.`

export default function Page() {
  return <Kit.Tooltip />
}
