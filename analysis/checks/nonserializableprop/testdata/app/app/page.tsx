import { Picker } from '../components/picker'
import { Picker as BarrelPicker, ServerList } from '../components/ui'
import { save } from '../lib/actions'
import { formatPrice, TAX } from '../lib/format'
import { Shell } from '../components/shell'

class Store {}

export default function Page() {
  async function inline() {
    'use server'
  }
  return (
    <main>
      <Picker
        onSelect={() => console.log('x')} // want `Event handlers cannot be passed to Client Component props. Prop "onSelect" of <Picker> is a function.`
        format={formatPrice} // want `Functions cannot be passed directly to Client Components unless you explicitly expose it by marking it with "use server". Prop "format" of <Picker> is the function formatPrice`
        action={save}
        submit={inline}
        tax={TAX}
        date={new Date()}
        items={[1, 2]}
        data={{ a: 1, nested: { b: [2] } }}
        options={{ onChange: () => 1 }} // want `Prop "options.onChange" of <Picker> is a function`
        store={new Store()} // want `Only plain objects, and a few built-ins, can be passed to Client Components from Server Components. Classes or null prototypes are not supported. Prop "store" of <Picker> is an instance of Store.`
        tag={Symbol('t')} // want `Only global symbols received from Symbol.for`
        shared={Symbol.for('t')}
        icon={<b />}
      >
        {(v: string) => v /* want `Prop "children" of <Picker> is a function` */}
      </Picker>
      <BarrelPicker onSelect={() => 1} /> {/* want `Prop "onSelect" of <BarrelPicker> is a function` */}
      <ServerList render={() => 1} />
      <Shell />
    </main>
  )
}
