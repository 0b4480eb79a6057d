'use cache: storage' // want `Unknown cache kind "storage"`

export async function get() {
  return this // want "\"use cache\" functions cannot use `this`."
}

function helper() {
  return this // not exported: not a cached function
}

export async function useHelper() {
  return helper()
}
