'use server'

export async function one() {
  'use server'
}

export async function two() {
  'use cache'
}
