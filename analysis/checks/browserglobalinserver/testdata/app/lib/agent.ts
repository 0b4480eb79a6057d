// Imported for a type only: TypeScript erases the import, nothing loads
// this module on the server.
export const agent = navigator.userAgent
export type Agent = string
