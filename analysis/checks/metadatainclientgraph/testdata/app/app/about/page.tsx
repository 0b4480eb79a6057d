// want env:"server"
// Only the server graph reaches this page: its metadata is fine.
export const metadata = { title: 'About' }

export default function About() {
  return <p>about</p>
}
