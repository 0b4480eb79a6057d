// Route handlers are not checked: Next.js's check looks at pages and layouts.
export const dynamic = 'force-dynamic'

export async function GET() {
  return Response.json({})
}
