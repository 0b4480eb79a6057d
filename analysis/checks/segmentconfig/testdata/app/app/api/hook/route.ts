export const runtime = 'deno' // want `received 'deno' at "runtime"`
export const revalidate = false
export const dynamic = undefined

export async function GET() {
  return Response.json({ ok: true })
}
