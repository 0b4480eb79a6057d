'use cache'

export async function getData() {
  return 3
}
