package engine_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
)

// TestFactsHoldNoTree loads files for which every check that extracts
// facts of its own keeps one (a 'use cache' function that calls a
// request API, a client entry with props, a barrel), and asserts that no
// syntax tree outlives the load: the engine keeps facts of every file of
// a workspace, and one pointer into a tree keeps all of it, several
// times the file's size.
func TestFactsHoldNoTree(t *testing.T) {
	alive, stop := syntax.TrackTreesForTest()
	defer stop()
	snap := load(t, vfs.MapFS{
		"/w/package.json":      pkg,
		"/w/app/page.tsx":      "import { Button } from '../ui'\nimport { data } from '../data'\nexport default async function Page() { return <Button label={await data()} /> }\n",
		"/w/ui/index.ts":       "export { Button } from './button'\nexport { Card } from './card'\n",
		"/w/ui/button.tsx":     "'use client'\nexport function Button({ label, onPick }: { label: string; onPick?: () => void }) { return <button onClick={onPick}>{label}</button> }\n",
		"/w/ui/card.tsx":       "export function Card() { return <div /> }\n",
		"/w/data.ts":           "import { cookies } from 'next/headers'\nasync function read() { return (await cookies()).get('a') }\nexport async function data() {\n  'use cache'\n  return read()\n}\n",
		"/w/next.config.mjs":   "export default { experimental: { useCache: true } }\n",
		"/w/app/layout.tsx":    "export default function Layout({ children }) { return <html><body>{children}</body></html> }\n",
		"/w/app/other/page.ts": "export default function Other() { return null }\n",
	})
	if len(snap.Files()) == 0 {
		t.Fatal("nothing loaded")
	}
	var n int64
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		runtime.GC()
		if n = alive(); n == 0 {
			break
		}
	}
	if n != 0 {
		t.Errorf("%d syntax trees still reachable after the load", n)
	}
	if got := summary(snap); got != "data.ts:requestInCache:error\nui/button.tsx:clientEntryProps:warning\n" {
		t.Errorf("findings:\n%s\nwant the request API in a cached function and the unused function prop: the files no longer exercise the checks' own facts", got)
	}
	runtime.KeepAlive(snap)
}
