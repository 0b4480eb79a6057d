'use cache'

export const foo = {},
  bar = [1]
