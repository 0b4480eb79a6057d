package engine_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/internal/test/synth"
)

func findingKeys(snap *engine.Snapshot) []string {
	var out []string
	for _, f := range snap.Findings() {
		out = append(out, fmt.Sprintf("%s:%d:%d [%s] %s", snap.Rel(f.Path), f.Start, f.End, f.Rule, f.Message))
	}
	return out
}

// Parsing only the files some check wants or the graph reaches finds
// what parsing every file finds, on a workspace with mistakes, while
// leaving files unparsed; progress counts every file once.
func TestLoadParsesOnlyWhatMatters(t *testing.T) {
	ws := synth.Generate(synth.Options{Files: 600, Seed: 7, Mistakes: 12})
	fsys := ws.IndexedFS()
	var mu sync.Mutex
	calls, last, total := 0, 0, 0
	progress := func(done, all int) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if done != last+1 {
			t.Errorf("progress went from %d to %d", last, done)
		}
		last, total = done, all
	}
	snap, err := engine.Load(context.Background(), fsys, ws.Root, engine.Options{Analyzers: suite.Analyzers, Progress: progress})
	if err != nil {
		t.Fatal(err)
	}
	all, err := engine.Load(context.Background(), fsys, ws.Root, engine.Options{Analyzers: suite.Analyzers, ParseAll: true})
	if err != nil {
		t.Fatal(err)
	}
	got, want := findingKeys(snap), findingKeys(all)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings differ\nparsing what matters:\n%q\nparsing every file:\n%q", got, want)
	}
	if len(want) < len(ws.Mistakes) {
		t.Errorf("%d findings for %d mistakes: the workspace tests little", len(want), len(ws.Mistakes))
	}
	unparsed := 0
	for _, p := range snap.Files() {
		if r := snap.File(p); r.Facts == nil && r.Skip == "" {
			unparsed++
		}
	}
	if unparsed == 0 {
		t.Errorf("every file was parsed")
	}
	if total != len(snap.Files()) || last != total || calls != total {
		t.Errorf("progress: %d calls, last %d/%d; %d files", calls, last, total, len(snap.Files()))
	}
	t.Logf("%d of %d files left unparsed, %d findings", unparsed, len(snap.Files()), len(got))
}

// A file given first is parsed even when nothing needs it.
func TestLoadParsesFirst(t *testing.T) {
	ws := synth.Generate(synth.Options{Files: 300, Seed: 3})
	fsys := ws.IndexedFS()
	base, err := engine.Load(context.Background(), fsys, ws.Root, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for _, p := range base.Files() {
		if r := base.File(p); r.Facts == nil && r.Skip == "" {
			first = p
			break
		}
	}
	if first == "" {
		t.Fatal("every file was parsed")
	}
	snap, err := engine.Load(context.Background(), fsys, ws.Root, engine.Options{Analyzers: suite.Analyzers, First: []string{first}})
	if err != nil {
		t.Fatal(err)
	}
	if snap.File(first).Facts == nil {
		t.Errorf("%s, given first, was not parsed", snap.Rel(first))
	}
}
