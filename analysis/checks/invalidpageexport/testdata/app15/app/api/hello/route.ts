export const runtime = 'nodejs'

export function greeting() { // want `Route "app/api/hello/route.ts" does not match the required types of a Next.js Route. "greeting" is not a valid Route export field.`
  return 'hello'
}

export async function GET() {
  return Response.json({ message: greeting() })
}

export default GET // want `"default" is not a valid Route export field`
