'use cache: x'

export async function foo() {
  return 'data'
}
