'use server'

export const x = 1
