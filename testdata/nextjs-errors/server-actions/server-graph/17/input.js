export async function foo() {
  'use cache: x'

  return 'data'
}
