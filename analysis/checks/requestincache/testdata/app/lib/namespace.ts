import * as request from 'next/headers'
import * as sessions from './session'

// Through namespace imports: the same calls as named ones.
export async function cachedTheme() {
  'use cache'
  return (await request.cookies()).get('theme')?.value // want "^`cookies\\(\\)` can't be read inside `\"use cache\"`"
}

export async function cachedToggle() {
  'use cache'
  ;(await request.draftMode()).enable() // want "^`draftMode\\(\\).enable\\(\\)` can't be called inside `\"use cache\"`"
  return (await request.draftMode()).isEnabled
}

export async function cachedUser() {
  'use cache'
  return sessions.getSession() // want "Call chain: cachedUser → sessions.getSession → cookies\\(\\)$"
}

export async function shadowedNamespace(request: { cookies(): string }) {
  'use cache'
  return request.cookies()
}
