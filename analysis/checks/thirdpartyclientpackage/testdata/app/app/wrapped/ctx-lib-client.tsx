'use client'

export { Provider } from 'ctx-lib'
