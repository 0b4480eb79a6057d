// Correct placement in function bodies and a prologue with 'use strict'.
'use strict'

export async function db() {
  'use cache'
  return 1
}

export const cached = async () => {
  // a comment first is fine
  'use cache: remote'
  return 2
}
