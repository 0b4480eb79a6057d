'use client'
// Not a page or layout: exporting a value named metadata is nobody's business.
export const metadata = { kind: 'widget' }
