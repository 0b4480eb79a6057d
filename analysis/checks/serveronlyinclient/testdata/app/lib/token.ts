// lib/settings.ts imports readToken but uses it only in a type: the import
// is elided, and this module stays out of the client graph.
import { cookies } from 'next/headers'

export type Token = string
export async function readToken() {
  return (await cookies()).get('token')
}
