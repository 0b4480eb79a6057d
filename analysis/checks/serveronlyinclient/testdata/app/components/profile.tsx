'use client' // want env:"client"
import { cookies } from 'next/headers' // want `You're importing a module that depends on "next/headers" into a React Client Component module.`
import { revalidatePath, unstable_cache } from 'next/cache' // want `depends on "revalidatePath"`
import { formatName } from '../lib/format'
import { save } from '../lib/actions'

export function Profile({ name }: { name: string }) {
  return <p onClick={() => save()}>{formatName(name)}{String(cookies)}{String(revalidatePath)}{String(unstable_cache)}</p>
}
