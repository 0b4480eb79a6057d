package engine_test

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
)

// memCache is an engine.Cache in memory.
type memCache struct {
	mu sync.Mutex
	m  map[[32]byte]*engine.CachedFile
}

func (c *memCache) Get(k [32]byte) (*engine.CachedFile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *memCache) Put(k [32]byte, v *engine.CachedFile) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok && old.Facts != nil && v.Facts == nil {
		return
	}
	c.m[k] = v
}

// TestWarmLoadTestsNoText holds that a load with a filled cache asks no
// file check whether it wants a file: the cache remembers the files that
// were not wanted, and that some of those were parsed because a parsed
// file imports them, with the same findings as the cold load.
func TestWarmLoadTestsNoText(t *testing.T) {
	var asked atomic.Int64
	counter := &analysis.Analyzer{
		Name:  "countsWants",
		Doc:   "counts the files whose text it is asked about",
		Scope: analysis.FileScope,
		Wants: func(*analysis.File, *analysis.Config) bool { asked.Add(1); return false },
		Run:   func(*analysis.Pass) (any, error) { return nil, nil },
	}
	files := vfs.MapFS{
		"/w/package.json":    pkg,
		"/w/app/page.tsx":    "import { format } from '../lib/format'\nimport { Button } from '../ui/button'\nimport { save } from '../actions'\nexport default function Page() { return <Button label={format(1)} onSave={save} /> }\n",
		"/w/ui/button.tsx":   "'use client'\nimport { useState } from 'react'\nexport function Button(props: { label: string; onSave: () => void }) { const [n] = useState(0); return <button onClick={props.onSave}>{props.label}{n}</button> }\n",
		"/w/actions.ts":      "'use server'\nexport async function save() {}\nexport const limit = 3\n",
		"/w/lib/format.ts":   "import { day } from './dates'\nexport function format(n: number) { return day + n }\n",
		"/w/lib/dates.ts":    "export const day = 'monday'\n",
		"/w/lib/unused.ts":   "export const unused = 1\n",
		"/w/lib/unused2.tsx": "export function Unused() { return <div /> }\n",
	}
	cache := &memCache{m: map[[32]byte]*engine.CachedFile{}}
	load := func() *engine.Snapshot {
		snap, err := engine.Load(context.Background(), files, "/w", engine.Options{
			Analyzers: append([]*analysis.Analyzer{counter}, suite.Analyzers...),
			Cache:     cache,
		})
		if err != nil {
			t.Fatal(err)
		}
		return snap
	}
	cold := load()
	coldAsked := asked.Swap(0)
	if coldAsked == 0 {
		t.Fatal("the cold load asked about no file")
	}
	notWanted, parsedAnyway := 0, 0
	for _, v := range cache.m {
		if v.NotWanted {
			notWanted++
			if v.Facts != nil {
				parsedAnyway++
			}
		}
	}
	if notWanted == 0 || parsedAnyway == 0 {
		t.Fatalf("cache: %d files not wanted, %d of them parsed because imported; the workspace tests neither case", notWanted, parsedAnyway)
	}
	warm := load()
	if n := asked.Load(); n != 0 {
		t.Errorf("the warm load asked about %d files (the cold one about %d)", n, coldAsked)
	}
	if !reflect.DeepEqual(cold.Findings(), warm.Findings()) {
		t.Errorf("warm findings differ from cold ones:\n%v\n%v", warm.Findings(), cold.Findings())
	}
	if got := summary(cold); got != "actions.ts:serverFileExports:error\n" {
		t.Errorf("findings:\n%s", got)
	}
	for _, p := range cold.Files() {
		if (cold.File(p).Facts == nil) != (warm.File(p).Facts == nil) {
			t.Errorf("%s: parsed in one load and not the other", p)
		}
	}
}

// stampCache is memCache that keeps stamps too.
type stampCache struct {
	memCache
	stamps map[string]stampedText
}

type stampedText struct {
	stamp vfs.Stamp
	hash  [32]byte
}

func (c *stampCache) Stamped(path string, s vfs.Stamp) ([32]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.stamps[path]
	return v.hash, ok && v.stamp == s
}

func (c *stampCache) PutStamp(path string, s vfs.Stamp, hash [32]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stamps[path] = stampedText{s, hash}
}

// stampedFS is a MapFS whose files are stamped by a version number that
// a test bumps when it changes one, and that counts reads.
type stampedFS struct {
	vfs.MapFS
	mu       sync.Mutex
	versions map[string]int64
	reads    map[string]int
}

func (f *stampedFS) ReadFile(path string) ([]byte, error) {
	f.mu.Lock()
	f.reads[path]++
	f.mu.Unlock()
	return f.MapFS.ReadFile(path)
}

func (f *stampedFS) Stamp(path string) (vfs.Stamp, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.MapFS[path]; !ok {
		return vfs.Stamp{}, false
	}
	return vfs.Stamp{Ctime: f.versions[path]}, true
}

// TestWarmLoadReadsNoFile holds that with stamps, a warm load reads no
// source file whose stamp is unchanged, reads one that changed, and
// finds what a cold load of the same text finds.
func TestWarmLoadReadsNoFile(t *testing.T) {
	fsys := &stampedFS{MapFS: vfs.MapFS{
		"/w/package.json":  pkg,
		"/w/app/page.tsx":  "import { format } from '../lib/format'\nimport { save } from '../actions'\nexport default function Page() { return <p onClick={save}>{format(1)}</p> }\n",
		"/w/actions.ts":    "'use server'\nexport async function save() {}\n",
		"/w/lib/format.ts": "export function format(n: number) { return String(n) }\n",
		"/w/lib/unused.ts": "export const unused = 1\n",
	}, versions: map[string]int64{}, reads: map[string]int{}}
	cache := &stampCache{memCache: memCache{m: map[[32]byte]*engine.CachedFile{}}, stamps: map[string]stampedText{}}
	load := func() *engine.Snapshot {
		fsys.reads = map[string]int{}
		snap, err := engine.Load(context.Background(), fsys, "/w", engine.Options{Analyzers: suite.Analyzers, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		return snap
	}
	sources := []string{"/w/app/page.tsx", "/w/actions.ts", "/w/lib/format.ts", "/w/lib/unused.ts"}
	cold := load()
	for _, p := range sources {
		if fsys.reads[p] != 1 {
			t.Errorf("cold load: %s read %d times", p, fsys.reads[p])
		}
	}
	warm := load()
	for _, p := range sources {
		if fsys.reads[p] != 0 {
			t.Errorf("warm load: %s read %d times, its stamp unchanged", p, fsys.reads[p])
		}
	}
	if got, want := summary(warm), summary(cold); got != want {
		t.Errorf("warm findings %q, cold %q", got, want)
	}
	if warm.File("/w/lib/format.ts").Hash != cold.File("/w/lib/format.ts").Hash {
		t.Error("the stamped hash differs from the read one")
	}

	// The action loses its async: its stamp changes, it is read again.
	fsys.MapFS["/w/actions.ts"] = "'use server'\nexport function save() {}\n"
	fsys.versions["/w/actions.ts"]++
	changed := load()
	if fsys.reads["/w/actions.ts"] != 1 || fsys.reads["/w/lib/format.ts"] != 0 {
		t.Errorf("after a change: reads %v", fsys.reads)
	}
	if got := summary(changed); !strings.Contains(got, "actions.ts:serverFunctions:error") && !strings.Contains(got, "actions.ts:serverFileExports:error") {
		t.Errorf("the changed file's text was not analyzed: %q", got)
	}
}

// TestCacheKeyCoversSettings holds that a file's cached findings are not
// reused once next.config changes what its file checks decide.
func TestCacheKeyCoversSettings(t *testing.T) {
	files := vfs.MapFS{
		"/w/package.json":    pkg,
		"/w/next.config.mjs": "export default {}\n",
		"/w/app/page.tsx":    "async function data() {\n  'use cache'\n  return 1\n}\nexport default async function Page() { return <p>{await data()}</p> }\n",
	}
	cache := &memCache{m: map[[32]byte]*engine.CachedFile{}}
	load := func(c engine.Cache) string {
		snap, err := engine.Load(context.Background(), files, "/w", engine.Options{Analyzers: suite.Analyzers, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		return summary(snap)
	}
	if got := load(cache); got != "app/page.tsx:useCacheWithoutFlag:error\n" {
		t.Fatalf("without the flag: %q", got)
	}
	files["/w/next.config.mjs"] = "export default { experimental: { useCache: true } }\n"
	if got, want := load(cache), load(nil); got != want || want != "" {
		t.Errorf("with the flag, through the cache: %q; without it: %q", got, want)
	}
}
