// generateMetadata without metadata is ok.
export function generateMetadata() {}

export default function () {
  return null
}
