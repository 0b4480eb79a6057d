import { headers } from 'next/headers'

export async function userAgent() {
  return (await headers()).get('user-agent') ?? 'unknown'
}

const readHeader = async (name: string) => (await headers()).get(name)

export async function locale() {
  return (await readHeader('accept-language')) ?? 'en'
}

// Cached itself: its own finding, not its callers'.
export async function cachedLocale() {
  'use cache'
  return (await headers()).get('accept-language') ?? 'en' // want "`headers\\(\\)` can't be read inside"
}
