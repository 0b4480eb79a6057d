export const experimental_ppr = true // Next.js 15 reads it
export const dynamic = 'force-static'

export type Props = { title: string }
export interface Heading {
  level: number
}

export function formatTitle(s: string) { // want `Page "app/page.tsx" does not match the required types of a Next.js Page. "formatTitle" is not a valid Page export field.$`
  return s.toUpperCase()
}

export enum Tone { Loud, Quiet } // want `"Tone" is not a valid Page export field`

export const prefetch = 'auto' // want `"prefetch" is not a valid Page export field`

export default function Page() {
  return <h1>{formatTitle('page')}</h1>
}
