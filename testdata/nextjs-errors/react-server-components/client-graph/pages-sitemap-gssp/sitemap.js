export async function getServerSideProps() {
  return { props: {} }
}

export default function () {
  return null
}
