import 'server-only' // want `depends on "server-only" into a React Client Component module. .*\nImport chain: apps/web/src/app/page.tsx → apps/web/src/components/profile.tsx → packages/data/src/index.ts`
export async function loadUser() {
  return { name: 'Ada' }
}
