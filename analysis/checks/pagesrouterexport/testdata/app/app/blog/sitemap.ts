// Not a page, layout or route.
export async function getServerSideProps() {
  return {}
}
