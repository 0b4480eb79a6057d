export async function fn() {
  ('use cache')
}
