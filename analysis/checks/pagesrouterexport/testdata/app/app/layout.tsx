async function load() {
  return { props: {} }
}

export { load as getStaticProps } // want `"getStaticProps" is not supported in app/.`

export default function Layout({ children }: { children: React.ReactNode }) {
  return children
}
