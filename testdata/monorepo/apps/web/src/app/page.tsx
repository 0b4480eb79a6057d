import { Button, Tabs } from '@mono/ui'
import { loadUser } from '@mono/data'
import { Profile } from '@/components/profile'

export default async function Page() {
  const user = await loadUser()
  return (
    <>
      <Button label={user.name} />
      <Tabs names={['a', 'b']} />
      <Profile />
    </>
  )
}
