'use client'
// Not a page or layout: the name means nothing here.
export function generateStaticParams() {
  return []
}
