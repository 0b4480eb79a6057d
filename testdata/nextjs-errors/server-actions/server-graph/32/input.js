'use server'

export default 1
