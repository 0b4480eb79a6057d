export async function fn() {
  ;('use client')
}

export class Foo {
  method() {
    'use client'
  }

  static create() {
    'use client'
  }
}

export const obj = {
  method() {
    'use client'
  },
}
