'use client' // want `This "use client" is not needed`
// Not exported, and only reached through button.tsx, itself a boundary.
export function Icon() {
  return <svg />
}
