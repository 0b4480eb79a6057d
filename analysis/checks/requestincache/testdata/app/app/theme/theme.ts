'use cache: private'
import { cookies, headers } from 'next/headers'
import { connection } from 'next/server'

// A private cache may read cookies() and headers().
export async function theme() {
  const c = (await cookies()).get('theme')?.value
  const h = (await headers()).get('x-theme')
  await connection() // want "^`connection\\(\\)` can't be used inside `\"use cache: private\"`"
  return c ?? h ?? 'light'
}
