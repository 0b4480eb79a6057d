'use client'
// Wraps a package's component: the usual way to use it from the server.
import * as AvatarPrimitive from '@radix-ui/react-avatar'
export function Avatar() {
  return <AvatarPrimitive.Root />
}
