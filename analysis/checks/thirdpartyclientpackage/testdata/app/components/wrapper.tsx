'use client'
// The recommended wrapper: imported here, the package runs on the client.
import { Provider } from 'ctx-lib'
export function Wrapper({ children }: { children?: React.ReactNode }) {
  return <Provider>{children}</Provider>
}
