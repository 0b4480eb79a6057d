import {
  experimental_taintObjectReference, // want `^You're importing .experimental_taintObjectReference. from React which requires .experimental\.taint: true. in your Next\.js config\.$`
  experimental_taintUniqueValue as taintValue, // want `experimental_taintUniqueValue`
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
