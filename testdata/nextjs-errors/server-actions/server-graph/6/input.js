'use server'

export default () => {}
