import { Panel } from '@/components/panel'
export default function Settings() {
  return <Panel />
}
