export const metadata = {}

export function generateMetadata() {}

export default function () {
  return null
}
