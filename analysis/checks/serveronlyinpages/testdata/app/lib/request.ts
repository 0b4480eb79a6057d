import { headers } from 'next/headers' // want `depends on "next/headers"\. This API is only available in Server Components in the App Router, but you are using it in the Pages Router\.\nImport chain: pages/blog/index\.tsx → lib/request\.ts$`

export async function userAgent() {
  return (await headers()).get('user-agent')
}
