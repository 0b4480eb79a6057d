'use client'

export async function generateMetadata() { // want `You are attempting to export "generateMetadata" from a component marked with "use client"`
  return {}
}

export default function Layout({ children }: { children: React.ReactNode }) {
  return children
}

export function unstable_selectViewport() { // want `export "unstable_selectViewport" from a component marked with "use client"`
  return {}
}

export type unstable_selectMetadata = never
