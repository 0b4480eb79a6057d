import { flags } from './flags.mjs'

export default { cacheComponents: flags.cacheComponents, experimental: { useCache: true } }
