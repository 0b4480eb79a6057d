import shared from './shared.config.mjs'

export default { ...shared }
