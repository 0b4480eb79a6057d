export * from './session'
