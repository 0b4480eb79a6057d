package engine_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/test/synth"
)

const pkg = `{"name":"app","dependencies":{"next":"15.0.0"}}`

func load(t *testing.T, files vfs.MapFS) *engine.Snapshot {
	t.Helper()
	snap, err := engine.Load(context.Background(), files, "/w", engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// summary renders findings as "path:rule:severity" lines.
func summary(snap *engine.Snapshot) string {
	var b strings.Builder
	for _, f := range snap.Findings() {
		b.WriteString(strings.TrimPrefix(f.Path, "/w/") + ":" + f.Rule + ":" + f.Severity.String() + "\n")
	}
	return b.String()
}

const badActions = "'use server'\nexport const x = 1\n"

func TestSuppression(t *testing.T) {
	snap := load(t, vfs.MapFS{
		"/w/package.json": pkg,
		"/w/a.ts":         "'use server'\n// rscls-ignore serverFileExports: read by the build\nexport const x = 1\nexport const y = 2\n",
		"/w/b.ts":         "'use server'\nexport const x = 1 // rscls-ignore serverFileExports: trailing form\n",
		"/w/c.ts":         "// rscls-ignore-file serverFileExports: generated\n'use server'\nexport const x = 1\nexport const y = 2\n",
		"/w/d.ts":         "'use server'\n// rscls-ignore misplacedDirective: wrong rule named\nexport const x = 1\n",
	})
	want := "a.ts:serverFileExports:error\nd.ts:serverFileExports:error\n"
	if got := summary(snap); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}

func TestSettingsSeverity(t *testing.T) {
	snap := load(t, vfs.MapFS{
		"/w/package.json": pkg,
		"/w/rscls.json":   `{"rules": {"serverFileExports": "warning", "misplacedDirective": "off"}}`,
		"/w/a.ts":         badActions,
		"/w/b.ts":         "import x from 'x'\n'use client'\n",
	})
	if got, want := summary(snap), "a.ts:serverFileExports:warning\n"; got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}

func TestOverridesWinOverFile(t *testing.T) {
	snap, err := engine.Load(context.Background(), vfs.MapFS{
		"/w/package.json": pkg,
		"/w/rscls.json":   `{"rules": {"serverFileExports": "warning"}}`,
		"/w/a.ts":         badActions,
	}, "/w", engine.Options{Analyzers: suite.Analyzers, Overrides: &analysis.Config{Rules: map[string]string{"serverFileExports": "hint"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(snap), "a.ts:serverFileExports:hint\n"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestInvalidSettingsAreErrors(t *testing.T) {
	for _, tc := range []struct{ json, want string }{
		{`{"rulez": {}}`, `unknown key "rulez"`},
		{`{"rules": {"nope": "error"}}`, `unknown rule "nope"`},
		{`{"rules": {"misplaced-directive": "error"}}`, `did you mean "misplacedDirective"`},
		{`{"rules": {"serverFileExports": "fatal"}}`, `unknown severity "fatal"`},
		{`{"rules": []}`, `"rules" must be an object`},
		{`{"rules": {}`, `unexpected end of file`},
		{`{"rules": {} x`, `line 1, column 15`},
		{`{} {}`, `unexpected content`},
	} {
		snap := load(t, vfs.MapFS{"/w/package.json": pkg, "/w/rscls.json": tc.json, "/w/a.ts": badActions})
		var errs []string
		for _, n := range snap.Notes() {
			if n.Error {
				errs = append(errs, n.Message)
			}
		}
		if len(errs) != 1 || !strings.Contains(errs[0], tc.want) {
			t.Errorf("%s: notes %q, want one error containing %q", tc.json, errs, tc.want)
		}
		// A broken configuration does not stop the analysis.
		if !strings.Contains(summary(snap), "a.ts:serverFileExports:error") {
			t.Errorf("%s: analysis did not run with defaults", tc.json)
		}
	}
}

func TestSkippedFiles(t *testing.T) {
	snap := load(t, vfs.MapFS{
		"/w/package.json": pkg,
		"/w/big.js":       "'use server'\n" + strings.Repeat("// padding\n", engine.MaxFileSize/10),
		"/w/bin.js":       "'use server'\x00\x01\x02",
		"/w/latin1.js":    "'use server'\nexport const x = '\xe9'\n",
		"/w/ok.ts":        badActions,
	})
	notes := map[string]string{}
	for _, n := range snap.Notes() {
		notes[strings.TrimPrefix(n.Path, "/w/")] = n.Message
	}
	for file, want := range map[string]string{"big.js": "larger than 2 MB", "bin.js": "binary file", "latin1.js": "not valid UTF-8"} {
		if !strings.Contains(notes[file], want) {
			t.Errorf("%s: note %q, want %q", file, notes[file], want)
		}
	}
	if got, want := summary(snap), "ok.ts:serverFileExports:error\n"; got != want {
		t.Errorf("findings %q, want %q", got, want)
	}
}

func TestIgnorePatterns(t *testing.T) {
	snap := load(t, vfs.MapFS{
		"/w/package.json":         pkg,
		"/w/rscls.json":           `{"ignore": ["generated/**", "*.legacy.ts"]}`,
		"/w/generated/deep/a.ts":  badActions,
		"/w/lib/old.legacy.ts":    badActions,
		"/w/lib/kept.ts":          badActions,
		"/w/node_modules/x/a.ts":  badActions,
		"/w/.next/server/page.js": badActions,
	})
	if got, want := summary(snap), "lib/kept.ts:serverFileExports:error\n"; got != want {
		t.Errorf("findings %q, want %q", got, want)
	}
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pat, name string
		want      bool
	}{
		{"generated/**", "generated/a/b.ts", true},
		{"generated/**", "src/generated/a.ts", false},
		{"*.gen.ts", "a/b/c.gen.ts", true},
		{"legacy", "src/legacy/x.ts", true},
		{"src/*.ts", "src/a.ts", true},
		{"src/*.ts", "src/a/b.ts", false},
		{"**/x.ts", "x.ts", true},
		{"", "a", false},
	} {
		if got := analysis.MatchGlob(tc.pat, tc.name); got != tc.want {
			t.Errorf("MatchGlob(%q, %q) = %v", tc.pat, tc.name, got)
		}
	}
}

func TestUpdate(t *testing.T) {
	files := vfs.MapFS{
		"/w/package.json":           pkg,
		"/w/app/page.tsx":           "import { Counter } from '../components/counter'\nexport default function P() { return <Counter /> }\n",
		"/w/components/counter.tsx": "'use client'\nimport { useState } from 'react'\nexport function Counter() { useState(0); return null }\n",
	}
	snap := load(t, files)
	if got := summary(snap); got != "" {
		t.Fatalf("initial findings: %s", got)
	}
	reused := snap.File("/w/app/page.tsx")

	// Remove the directive: the hook is now in the server graph.
	files["/w/components/counter.tsx"] = "import { useState } from 'react'\nexport function Counter() { useState(0); return null }\n"
	snap2, err := snap.Update(context.Background(), files, []string{"/w/components/counter.tsx"}, snap.Options())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(snap2), "components/counter.tsx:clientApiInServer:error\n"; got != want {
		t.Errorf("after flip: %q, want %q", got, want)
	}
	if snap2.File("/w/app/page.tsx") != reused {
		t.Errorf("an unchanged file was analyzed again")
	}
	if summary(snap) != "" {
		t.Errorf("the old snapshot changed")
	}

	// A file reported changed with the text it had (a document opened as
	// it is on disk) changes nothing: the graph is the one built before.
	same, err := snap2.Update(context.Background(), files, []string{"/w/components/counter.tsx", "/w/app/page.tsx"}, snap.Options())
	if err != nil {
		t.Fatal(err)
	}
	if same.Graph() != snap2.Graph() || same.GraphPassesRun() != 0 {
		t.Errorf("an update of unchanged text rebuilt the graph (%d passes run)", same.GraphPassesRun())
	}
	if got, want := summary(same), summary(snap2); got != want {
		t.Errorf("after an unchanged update: %q, want %q", got, want)
	}

	// A new file that the page imports, then its deletion.
	files["/w/app/page.tsx"] = "import { Counter } from '../components/counter'\nimport { x } from '../lib/x'\nexport default function P() { return <Counter /> }\n"
	files["/w/lib/x.ts"] = "'use server'\nexport const x = 1\n"
	snap3, err := snap2.Update(context.Background(), files, []string{"/w/app/page.tsx", "/w/lib/x.ts"}, snap.Options())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(snap3), "components/counter.tsx:clientApiInServer:error\nlib/x.ts:serverFileExports:error\n"; got != want {
		t.Errorf("after create: %q, want %q", got, want)
	}
	delete(files, "/w/lib/x.ts")
	snap4, err := snap3.Update(context.Background(), files, []string{"/w/lib/x.ts"}, snap.Options())
	if err != nil {
		t.Fatal(err)
	}
	if snap4.File("/w/lib/x.ts") != nil || strings.Contains(summary(snap4), "lib/x.ts") {
		t.Errorf("deleted file still there: %s", summary(snap4))
	}

	// A configuration change applies at once.
	files["/w/rscls.json"] = `{"rules": {"clientApiInServer": "warning"}}`
	snap5, err := snap4.Update(context.Background(), files, []string{"/w/rscls.json"}, snap.Options())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(snap5), "components/counter.tsx:clientApiInServer:warning\n"; got != want {
		t.Errorf("after rscls.json: %q, want %q", got, want)
	}
}

// TestIncrementalMatchesFresh edits a synthetic workspace at random and
// checks after each Update that the findings equal those of a fresh load:
// reusing graph findings must never change a result.
func TestIncrementalMatchesFresh(t *testing.T) {
	ws := synth.Generate(synth.Options{Files: 600, Seed: 7, Mistakes: 6})
	files := ws.FS()
	opts := engine.Options{Analyzers: suite.Analyzers}
	snap, err := engine.Load(context.Background(), files, ws.Root, opts)
	if err != nil {
		t.Fatal(err)
	}
	render := func(s *engine.Snapshot) string {
		var b strings.Builder
		for _, f := range s.Findings() {
			fmt.Fprintf(&b, "%s:%d:%s:%s\n", f.Path, f.Start, f.Rule, f.Message)
		}
		return b.String()
	}
	r := rand.New(rand.NewPCG(3, 4))
	sources := append([]string(nil), ws.Sources...)
	edits := []func(p string) string{
		func(p string) string { // flip 'use client'
			if strings.HasPrefix(files[p], "'use client'\n") {
				return strings.TrimPrefix(files[p], "'use client'\n")
			}
			return "'use client'\n" + files[p]
		},
		func(p string) string { return "import { useState } from 'react'\n" + files[p] },
		func(p string) string { // drop the first import line
			lines := strings.SplitAfter(files[p], "\n")
			for i, l := range lines {
				if strings.HasPrefix(l, "import ") && strings.HasSuffix(strings.TrimSpace(l), "'") {
					return strings.Join(append(lines[:i:i], lines[i+1:]...), "")
				}
			}
			return files[p] + "\n"
		},
		func(p string) string { return files[p] + "\nexport const extra = () => window.innerWidth\n" },
		func(p string) string { return "'use server'\n" + files[p] + "\nexport function sync() {}\n" },
	}
	reused := 0
	for step := 0; step < 30; step++ {
		var changed []string
		for k := 0; k < 1+r.IntN(3); k++ {
			p := sources[r.IntN(len(sources))]
			files[p] = edits[r.IntN(len(edits))](p)
			changed = append(changed, p)
		}
		if step%10 == 9 { // a new module imported by an existing one, or a deletion
			p := sources[r.IntN(len(sources))]
			added := filepath.Join(filepath.Dir(p), fmt.Sprintf("added%d.ts", step))
			files[added] = "import { cookies } from 'next/headers'\nexport const added = cookies\n"
			files[p] = fmt.Sprintf("import { added } from './added%d'\n", step) + files[p]
			changed = append(changed, added, p)
			if step == 29 {
				delete(files, added)
			}
		}
		snap, err = snap.Update(context.Background(), files, changed, opts)
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := engine.Load(context.Background(), files, ws.Root, opts)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := render(snap), render(fresh); got != want {
			t.Fatalf("step %d (changed %v): incremental findings differ from a fresh load\n--- incremental ---\n%s--- fresh ---\n%s", step, changed, got, want)
		}
		if snap.GraphPassesRun() < fresh.GraphPassesRun()/2 {
			reused++
		}
	}
	if reused < 10 {
		t.Errorf("only %d of 30 updates reused most graph findings", reused)
	}
}

// TestNextConfig checks that each app's files see their own next.config,
// that what cannot be read is a note on its line, and that the cache kinds
// of cacheHandlers count.
func TestNextConfig(t *testing.T) {
	files := vfs.MapFS{
		"/w/package.json":      `{"private":true}`,
		"/w/a/package.json":    `{"name":"app","dependencies":{"next":"16.0.0"}}`,
		"/w/a/next.config.ts":  "const config = { cacheComponents: true, cacheHandlers: { x: './x.js' } }\nexport default config\n",
		"/w/a/app/page.tsx":    "async function f() {\n  'use cache: x'\n  return 1\n}\nexport default async function P() { return <p>{await f()}</p> }\n",
		"/w/b/package.json":    pkg,
		"/w/b/next.config.mjs": "import base from './base.mjs'\n\nexport default {\n  ...base,\n}\n",
		"/w/b/app/page.tsx":    "async function f() {\n  'use cache: y'\n  return 1\n}\nexport default async function P() { return <p>{await f()}</p> }\n",
		"/w/c/package.json":    pkg,
		"/w/c/app/page.tsx":    "async function f() {\n  'use cache: y'\n  return 1\n}\nexport default async function P() { return <p>{await f()}</p> }\n",
		"/w/outside/lib.ts":    "export const x = 1\n",
	}
	snap := load(t, files)
	if c := snap.ConfigFor("/w/a/app/page.tsx").Next; c.CacheComponents.String() != "true" || strings.Join(c.CacheHandlers.Names, ",") != "x" {
		t.Errorf("app a: %+v", c)
	}
	if c := snap.ConfigFor("/w/c/app/page.tsx").Next; c == nil || c.Path != "" || c.UseCacheOn().String() != "unset" {
		t.Errorf("app c, without next.config: %+v", c)
	}
	if c := snap.ConfigFor("/w/outside/lib.ts").Next; c != nil {
		t.Errorf("a file outside the apps sees a next.config: %+v", c)
	}
	var notes []string
	for _, n := range snap.Notes() {
		if strings.HasSuffix(n.Path, "next.config.mjs") {
			notes = append(notes, n.Message)
		}
	}
	if len(notes) == 0 || !strings.HasPrefix(notes[0], "line 4: ") || !strings.Contains(notes[0], "base is imported") {
		t.Errorf("notes on b/next.config.mjs: %q", notes)
	}
	// x is configured in a (Next.js 16 reads the top-level
	// cacheComponents); b's cacheHandlers cannot be read, so y is not
	// known to be missing, nor is 'use cache' known to be disabled; c has
	// no next.config, so neither cacheHandlers nor cacheComponents.
	want := "c/app/page.tsx:serverFunctions:error\nc/app/page.tsx:useCacheWithoutFlag:error\n"
	if got := summary(snap); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}

// TestProgress checks that a load reports each workspace file once, with
// the total, so that a driver can show how far it is.
func TestProgress(t *testing.T) {
	files := vfs.MapFS{"/w/package.json": pkg, "/w/app/page.tsx": "export default function P() { return null }\n"}
	for i := range 40 {
		files[fmt.Sprintf("/w/lib/m%d.ts", i)] = fmt.Sprintf("export const m%d = %d\n", i, i)
	}
	var mu sync.Mutex
	calls, maxDone, totals := 0, 0, map[int]bool{}
	_, err := engine.Load(context.Background(), files, "/w", engine.Options{Analyzers: suite.Analyzers, Workers: 4, Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		maxDone = max(maxDone, done)
		totals[total] = true
	}})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 41 || maxDone != 41 || len(totals) != 1 || !totals[41] {
		t.Errorf("progress: %d calls, last done %d, totals %v; want 41 calls up to 41 of 41", calls, maxDone, totals)
	}
}
