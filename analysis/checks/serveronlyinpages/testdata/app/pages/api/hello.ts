import 'server-only'
import { headers } from 'next/headers'
import { token } from '../../lib/secret'

export default async function handler(req: any, res: any) {
  res.json({ ua: (await headers()).get('user-agent'), token })
}
