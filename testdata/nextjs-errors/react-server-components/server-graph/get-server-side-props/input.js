export function getServerSideProps() {}

export default function () {
  return null
}
