export class Store {
  async save() { // want `It is not allowed to define inline "use server" annotated class instance methods.`
    'use server'
  }
  async load() { // want `It is not allowed to define inline "use cache" annotated class instance methods.`
    'use cache'
  }
  static async create() {
    'use server'
    return new Store()
  }
  static async bad() {
    'use cache'
    return this // want "\"use cache\" functions cannot use `this`."
  }
}

export const obj = {
  async method() {
    'use server'
    return arguments.length // want "Server Actions cannot use `arguments`."
  },
}

export async function outer() {
  'use cache'
  const arrow = () => this // want "\"use cache\" functions cannot use `this`."
  function inner(this: unknown) {
    return this // a regular function has its own this
  }
  const action = async () => {
    'use server'
    return arguments // want "Server Actions cannot use `arguments`."
  }
  return [arrow, inner, action]
}

export async function kinds() {
  'use cache: remote'
  'use cache: mystery' // want `Unknown cache kind "mystery"`
}
