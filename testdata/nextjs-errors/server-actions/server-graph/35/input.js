export async function foo() {}

if (true) {
  'use cache'
}

{
  'use server'
}

try {
  'use client'
} catch {}
