export function formatPrice(n: number) {
  return n.toFixed(2)
}
export const TAX = 0.2
