'use server'
// A module of Server Functions: the client only holds references to them.
import { getUser } from './db'
import { cookies } from 'next/headers'

export async function save() {
  await getUser()
  await cookies()
}
