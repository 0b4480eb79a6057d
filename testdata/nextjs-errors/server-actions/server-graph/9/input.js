import 'my-module'

// prettier-ignore
;'use server'
