package engine_test

import (
	"context"
	"sync"
	"testing"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/test/synth"
)

// readAll asks a snapshot everything the language server's requests ask:
// findings, each module's environments and chains, every import's target
// and every export's origin, liveness.
func readAll(snap *engine.Snapshot) int {
	n := len(snap.Findings())
	g := snap.Graph()
	for _, m := range g.Modules {
		if m.Facts == nil {
			continue
		}
		for _, env := range graph.Envs {
			n += len(g.Chain(m, env)) + len(g.Importers(m, env))
			for i := range m.Facts.Imports {
				if t := g.Target(m, i, env); t != nil {
					n++
				}
			}
			for _, x := range m.Facts.Exports {
				if o, _, _, _ := g.Origin(m, x.Name, env); o != nil {
					n++
				}
			}
		}
		for s := range m.Facts.Stmts {
			if g.Live(m, s) {
				n++
			}
		}
		g.BoundaryImporter(m)
	}
	return n
}

// TestSnapshotsAreSafeToShare reads snapshots from several goroutines
// while the next ones are made from them, as the language server's
// requests do while its analysis loop runs. Under go test -race this
// fails if a snapshot changes after it is made.
func TestSnapshotsAreSafeToShare(t *testing.T) {
	ws := synth.Generate(synth.Options{Files: 300, Seed: 3})
	files := vfs.MapFS{}
	for p, src := range ws.FS() {
		files[p] = src
	}
	opts := engine.Options{Analyzers: suite.Analyzers}
	snap, err := engine.Load(context.Background(), files, ws.Root, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := readAll(snap)
	// Flip 'use client' on the most imported module of the workspace.
	var hub string
	most := 0
	for _, m := range snap.Graph().Modules {
		if n := len(snap.Graph().Importers(m, graph.Server)); !m.External && !m.Boundary && n > most {
			hub, most = m.Path, n
		}
	}
	if most < 5 {
		t.Fatalf("no module has 5 server importers: a poor test")
	}
	orig := files[hub]
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var mu sync.Mutex
	current := snap
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				mu.Lock()
				s := current
				mu.Unlock()
				readAll(s)
			}
		}()
	}
	for i := range 6 {
		// Each snapshot gets its own file system: the old ones keep
		// reading theirs.
		next := vfs.MapFS{}
		for p, src := range files {
			next[p] = src
		}
		if i%2 == 0 {
			next[hub] = "'use client'\n" + orig
		} else {
			next[hub] = orig
		}
		s, err := current.Update(context.Background(), next, []string{hub}, opts)
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		current = s
		mu.Unlock()
		readAll(s)
	}
	close(stop)
	wg.Wait()
	// The last update put the file back: everything reads as it did.
	if got := readAll(current); got != want {
		t.Errorf("after flipping back: read %d answers, want %d", got, want)
	}
}
