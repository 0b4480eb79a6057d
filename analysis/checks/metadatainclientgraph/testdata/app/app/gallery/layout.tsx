// want env:"shared"
export async function generateMetadata() { // want `export "generateMetadata" from a component marked with "use client"`
  return { title: 'Gallery' }
}

export default function GalleryLayout({ children }: { children: React.ReactNode }) {
  return children
}
