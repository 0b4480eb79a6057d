'use client'

export const generateStaticParams = async () => [{ id: '1' }] // want `Page "/const/\[id\]/page" cannot use both "use client"`

export default function Page() {
  return <p>page</p>
}
