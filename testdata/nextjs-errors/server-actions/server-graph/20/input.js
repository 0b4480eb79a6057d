export async function fn() {
  'use cache'
  'use server'
}
