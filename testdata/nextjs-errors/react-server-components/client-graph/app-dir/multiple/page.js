export const metadata = {}

export function generateMetadata() {}

export function unstable_selectMetadata() {}

export function unstable_selectViewport() {}

export function getServerSideProps() {}

export default function () {
  return null
}
