import { db } from './db'

'use server' // want `The "use server" directive must be at the top of the file.`

export async function save() {
  await db()
}

export async function late() {
  await db()
  'use server' // want `The "use server" directive must be at the top of the function body.`
}

export async function wrapped() {
  ('use cache') // want `The "use cache" directive cannot be wrapped in parentheses.`
  return db()
}

export async function nested(flag: boolean) {
  if (flag) {
    'use cache: remote' // want `The "use cache: remote" directive must be at the top of the function body.`
  }
  return db()
}
