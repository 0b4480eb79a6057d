export default function () {
  'use cache'
}

export function foo() {
  'use cache'
}

export const bar = () => {
  'use cache'
}
