// Not a directive file: exports are unrestricted.
export function helper(x: unknown) {
  return x
}
export const n = 1
