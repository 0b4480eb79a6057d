import { Profile } from '../components/profile'

export default function Home() {
  return <Profile />
}
