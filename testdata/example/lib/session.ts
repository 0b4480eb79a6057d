import { cookies } from 'next/headers'

export async function currentUser() {
  return (await cookies()).get('user')?.value
}
