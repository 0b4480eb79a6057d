'use cache' // want `To use "use cache"`

export async function getData() {
  return 3
}
