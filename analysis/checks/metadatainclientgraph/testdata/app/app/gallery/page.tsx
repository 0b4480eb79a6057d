// want env:"shared"
export const metadata = { title: 'Gallery' } // want `^You are attempting to export "metadata" from a component marked with "use client", which is disallowed\. "metadata" must be resolved on the server .*\nImport chain: app/page\.tsx → components/preview\.tsx → app/gallery/page\.tsx$`

export function unstable_selectViewport() { // want `export "unstable_selectViewport"`
  return {}
}

export default function Gallery() {
  return <p>gallery</p>
}
