import { getData } from './data'

async function cached() {
  'use cache' // want `^To use "use cache", please enable the feature flag .cacheComponents. in your Next\.js config\.$`
  return 1
}

async function remote() {
  'use cache: x' // want `To use "use cache: x"`
  return 2
}

async function notADirective() {
  const x = 1
  'use cache'
  return x
}

export default async function Page() {
  return <p>{(await cached()) + (await remote()) + (await getData()) + (await notADirective())}</p>
}
