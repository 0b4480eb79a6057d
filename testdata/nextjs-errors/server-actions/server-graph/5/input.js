'use server'

export * from 'foo'
