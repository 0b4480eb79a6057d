const foo = () => {
  'use server'
}
