export const metadata = { title: 'Dashboard' }

export async function generateMetadata() {
  return { title: 'Dashboard' }
}

export default async function Dashboard() {
  return <p>Dashboard</p>
}
