import { userAgent } from '../../lib/request'
import { sdk } from 'server-sdk' // want `depends on "server-only".* \(the package "server-sdk" imports it\.\)`
import { format } from '../../lib/format'

export async function getServerSideProps() {
  return { props: { ua: (await userAgent()) ?? '', s: sdk, f: format(1) } }
}

export default function Blog() {
  return null
}
