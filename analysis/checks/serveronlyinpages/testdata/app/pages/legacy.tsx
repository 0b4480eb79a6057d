// want env:"none"
import 'server-only' // want `depends on "server-only"\. This API is only available in Server Components in the App Router, but you are using it in the Pages Router\.$`
import { cookies } from 'next/headers' // want `depends on "next/headers"`
import { after } from 'next/server' // want `depends on "after"`
import { cacheLife, unstable_cache } from 'next/cache' // want `depends on "cacheLife"`
import { prefetch } from 'next/cache' // want `depends on "prefetch"`
import type { Metadata } from 'next/types'
import { type ReadonlyHeaders } from 'next/dist/server/web/spec-extension/adapters/headers'

export async function getServerSideProps() {
  const jar = await cookies()
  after(() => {})
  return { props: { n: jar.size, c: typeof cacheLife, u: typeof unstable_cache, p: typeof prefetch } }
}

export default function Legacy() {
  return null
}
