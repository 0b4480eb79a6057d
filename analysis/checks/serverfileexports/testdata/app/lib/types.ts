export type Input = { id: string }
