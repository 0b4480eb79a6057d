export * from '../picker'
export { ServerList } from './server-list'
