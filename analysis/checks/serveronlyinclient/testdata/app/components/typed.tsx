'use client'
// A Client Component's own import of next/headers, used only in a type:
// webpack elides it, Turbopack (which checks imports as written) fails.
import { cookies } from 'next/headers' // want `depends on "next/headers" .* This fails with Turbopack .*; webpack builds it`
import type { headers } from 'next/headers'

type Jar = Awaited<ReturnType<typeof cookies>>
export function Typed({ jar }: { jar?: Jar; h?: typeof headers }) {
  return <p>{jar ? 'jar' : 'none'}</p>
}
