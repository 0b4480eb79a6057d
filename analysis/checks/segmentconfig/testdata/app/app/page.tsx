export const dynamic = 'force-dynamic'
export const dynamicParams = true
export const revalidate = 60
export const fetchCache = 'default-no-store'
export const runtime = 'nodejs'
export const preferredRegion = ['iad1', 'sfo1']
export const maxDuration = 30

export default function Page() {
  return <p>home</p>
}
