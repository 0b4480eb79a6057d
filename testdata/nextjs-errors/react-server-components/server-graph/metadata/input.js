// metadata without generateMetadata is ok.
export const metadata = {}

export default function () {
  return null
}
