'use client'

export default async function Profile() { // want `async/await is not yet supported in Client Components`
  return null
}

export async function Avatar() { // want `async/await is not yet supported in Client Components`
  return null
}

export const Badge = async () => null // want `async/await is not yet supported in Client Components`

// Async helpers that are not components are fine.
export async function fetchProfile() {
  return {}
}

export function Name() {
  return null
}
