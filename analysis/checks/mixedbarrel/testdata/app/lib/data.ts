import { cookies } from 'next/headers'
export async function readTheme() {
  return (await cookies()).get('theme')
}
