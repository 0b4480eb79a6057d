import { cache } from 'react'
import { cookies } from 'next/headers'

export const getSession = cache(async () => {
  return (await cookies()).get('session')?.value
})
