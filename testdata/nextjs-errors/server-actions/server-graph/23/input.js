'use cache'

// not exported!
async function a() {
  // this is allowed here
  this.foo()
  // arguments is allowed here
  console.log(arguments)

  const b = async () => {
    'use server'
    // this is not allowed here
    this.foo()
    // arguments is not allowed here
    console.log(arguments)
  }
}

export const { foo } = {
  foo() {
    return 42
  },
  bar() {
    // this is allowed here
    this.foo()
    // arguments is allowed here
    console.log(arguments)
  },
}
