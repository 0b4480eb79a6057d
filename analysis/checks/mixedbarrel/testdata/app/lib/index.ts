// A barrel whose modules are all fine anywhere.
export * from './label'
export * from './math'
