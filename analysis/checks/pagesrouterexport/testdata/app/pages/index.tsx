// The Pages Router is where getServerSideProps belongs.
export async function getServerSideProps() {
  return { props: {} }
}

export default function Home() {
  return null
}
