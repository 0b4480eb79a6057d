'use cache'

export default function () {}
export function foo() {}
export const bar = () => {}
export const baz = 42
