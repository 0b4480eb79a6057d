'use client'

import GalleryPage from '../app/gallery/page'
import GalleryLayout from '../app/gallery/layout'
import type { Props } from '../app/typed/page'
import ClientPage from '../app/client/page'
import Widget from './page'

export default function Preview(props: Partial<Props>) {
  return (
    <GalleryLayout>
      <GalleryPage />
      <ClientPage />
      <Widget />
    </GalleryLayout>
  )
}
