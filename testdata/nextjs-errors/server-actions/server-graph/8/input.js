const foo = async () => {
  'use strict'
  'use server'
}

const bar = async () => {
  const x = 1

  // prettier-ignore
  ;'use server'
}
