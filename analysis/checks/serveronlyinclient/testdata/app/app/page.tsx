import { Profile } from '../components/profile' // want env:"server"
import { Settings } from '../components/settings'
import { Typed } from '../components/typed'
import { getUser } from '../lib/db'

export default async function Page() {
  const user = await getUser()
  return (
    <>
      <Profile name={user.name} />
      <Settings />
      <Typed />
    </>
  )
}
