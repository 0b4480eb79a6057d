export async function fn() {
  console.log('foo')
  ;('use cache')
}
