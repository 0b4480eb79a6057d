// What the fix makes: the package is imported from a 'use client' file of
// the app, and nothing is reported.
import { Provider } from './ctx-lib-client'

export default function Page() {
  return <Provider>wrapped</Provider>
}
