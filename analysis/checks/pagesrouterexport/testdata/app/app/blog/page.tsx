export async function getServerSideProps() { // want `"getServerSideProps" is not supported in app/.`
  return { props: {} }
}

export default function Page() {
  return null
}
