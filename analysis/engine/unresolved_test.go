package engine_test

import (
	"context"
	"testing"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/resolve"
	"github.com/rscls/rscls/analysis/vfs"
)

// TestUnresolvedSummary: the snapshot counts the imports that resolve to
// no file by cause, and says so in one line.
func TestUnresolvedSummary(t *testing.T) {
	fsys := vfs.MapFS{
		"/w/package.json":  `{"name":"app","dependencies":{"next":"15.0.0"}}`,
		"/w/tsconfig.json": `{"compilerOptions":{"paths":{"@/*":["./*"]}}}`,
		"/w/app/page.tsx": `import clsx from 'clsx'
import { cn } from 'clsx/lite'
import { gone } from './gone'
import { missing } from '@/lib/missing'
export default function Page() { return clsx + cn + gone + missing }`,
	}
	snap, err := engine.Load(context.Background(), fsys, "/w", engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	list := snap.Unresolved()
	counts := engine.CountUnresolved(list)
	want := []engine.UnresolvedCount{{resolve.CauseNotInstalled, 2}, {resolve.CauseMissingFile, 1}, {resolve.CausePaths, 1}}
	if len(counts) != len(want) {
		t.Fatalf("counts = %v, want %v", counts, want)
	}
	for i := range want {
		if counts[i] != want[i] {
			t.Errorf("counts[%d] = %v, want %v", i, counts[i], want[i])
		}
	}
	if got, want := engine.UnresolvedSummary(list), "4 imports resolve to no file, so nothing past them is checked (2 package not installed, 1 no such file, 1 tsconfig paths match no file)"; got != want {
		t.Errorf("summary = %q\nwant      %q", got, want)
	}
	if got := engine.UnresolvedSummary(nil); got != "" {
		t.Errorf("summary of none = %q", got)
	}
	if u := list[0]; u.Path != "/w/app/page.tsx" || u.Specifier != "clsx" || u.Reason != `package "clsx" is not installed` {
		t.Errorf("first = %+v", u)
	}
}
