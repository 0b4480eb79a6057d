import Preview from '../components/preview'

export const metadata = { title: 'Home' }

export default function Home() {
  return <Preview />
}
