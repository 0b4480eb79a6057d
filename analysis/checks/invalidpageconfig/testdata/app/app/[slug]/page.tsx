'use client'

export async function generateStaticParams() { // want `Page "/\[slug\]/page" cannot use both "use client" and export function "generateStaticParams\(\)".`
  return [{ slug: 'a' }]
}

export default function Page() {
  return <p>page</p>
}
