import {
  experimental_taintObjectReference,
  experimental_taintUniqueValue as taintValue,
  cache,
} from 'react'
import type { experimental_taintObjectReference as T } from 'react'
import { Button } from '../components/button'

const user = cache(() => ({ token: 'x' }))

export default function Page() {
  experimental_taintObjectReference('do not pass', user())
  taintValue('do not pass', user(), user().token)
  return <Button />
}
