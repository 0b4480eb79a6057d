package engine_test

import (
	"context"
	"reflect"
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
