'use sever' // want `Did you mean "use server"\?`

export async function a() {
  'use action' // want `Did you mean "use server"\? "use action"`
}

export async function b() {
  'use cache:remot' // want `Did you mean "use cache: remote"\?`
}

export async function c() {
  'use cache private' // want `Did you mean "use cache: private"\?`
}

export async function d() {
  'use cache: ' // want `Did you mean "use cache: <cache-kind>"\?`
}

export async function e() {
  'use clinet' // want `Did you mean "use client"\?`
}
