'use client'

export default async () => null // want `async/await is not yet supported`
