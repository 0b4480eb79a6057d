import { cookies, headers, draftMode } from 'next/headers'
import { connection } from 'next/server'
import { revalidateTag } from 'next/cache'
import { userAgent, locale, cachedLocale } from '../lib/request'
import { getSession } from '../lib'
import { theme } from './theme/theme'
import { cachedTheme, cachedToggle, cachedUser, shadowedNamespace } from '../lib/namespace'

async function getTheme() {
  'use cache'
  return (await cookies()).get('theme')?.value ?? 'light' // want "^`cookies\\(\\)` can't be read inside `\"use cache\"`. Read it outside the cached function and pass what you need as an argument.$"
}

async function getAgent() {
  'use cache'
  const agent = await userAgent() // want "`headers\\(\\)` can't be read inside .*\nCall chain: getAgent → userAgent → headers\\(\\)$"
  return agent
}

async function getLocale() {
  'use cache'
  return (await locale()) + (await cachedLocale()) // want "`headers\\(\\)` can't be read.*\nCall chain: getLocale → locale → readHeader → headers\\(\\)$"
}

async function getUser() {
  'use cache'
  return getSession() // want "Call chain: getUser → getSession → cookies\\(\\)$"
}

async function toggle() {
  'use cache'
  const mode = await draftMode()
  ;(await draftMode()).enable() // want "^`draftMode\\(\\).enable\\(\\)` can't be called inside `\"use cache\"`"
  await connection() // want "^`connection\\(\\)` can't be used inside `\"use cache\"`"
  revalidateTag('x', 'max') // want "^`revalidateTag\\(\\)` can't be called inside `\"use cache\"`. Revalidation must run"
  return mode.isEnabled
}

// Not cached: request-time APIs are what a page reads.
async function fresh() {
  const h = await headers()
  return h.get('x') ?? (await getTheme())
}

async function shadowed(cookies: () => string) {
  'use cache'
  return cookies()
}

async function later() {
  'use cache'
  // A Server Action defined here runs on its own, not in the cache scope.
  async function save() {
    'use server'
    ;(await cookies()).set('x', '1')
  }
  return save
}

export default async function Page() {
  return (
    <p>
      {await getAgent()} {await getLocale()} {await getUser()} {String(await toggle())} {await fresh()}
      {await shadowed(() => '')} {typeof (await later())} {await theme()}
      {await cachedTheme()} {String(await cachedToggle())} {await cachedUser()} {await shadowedNamespace({ cookies: () => '' })}
    </p>
  )
}
