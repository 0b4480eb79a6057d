export const metadata = { title: 'A' }

export async function generateMetadata() { // want `"metadata" and "generateMetadata" cannot be exported at the same time`
  return {}
}

export default function Page() {
  return null
}
