import { experimental_taintObjectReference } from 'react'

import { experimental_taintUniqueValue } from 'react'

export default function Page() {
  return null
}
