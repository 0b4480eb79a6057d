package engine_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/factcache"
	"github.com/rscls/rscls/internal/test/synth"
)

// parseAll parses every source file in parallel, as the engine does, and
// nothing else: the baseline a check is measured against.
func parseAll(ws *synth.Workspace) { parseFiles(ws.IndexedFS(), ws.Sources) }

// parseFiles parses the files at paths in parallel, one parser per core,
// skipping those the engine skips.
func parseFiles(fsys vfs.FS, paths []string) {
	var wg sync.WaitGroup
	work := make(chan string)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				src, err := fsys.ReadFile(p)
				if err != nil || engine.SkipReason(src) != "" {
					continue
				}
				lang, _ := syntax.LangForPath(p)
				syntax.Parse(src, lang)
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
}

func check(b *testing.B, ws *synth.Workspace) {
	snap, err := engine.Load(context.Background(), ws.IndexedFS(), ws.Root, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		b.Fatal(err)
	}
	if n := len(snap.Findings()); n != 0 {
		b.Fatalf("%d findings in a clean workspace", n)
	}
}

// BenchmarkColdCheck compares a cold check (discovery, parsing, facts,
// file checks, graph, graph checks, findings) with parsing the same files
// alone, side by side, for 1k, 5k and 10k files. The ratio is the figure
// to watch; ms-per-1k-files shows whether the cost grows linearly.
func BenchmarkColdCheck(b *testing.B) {
	for _, n := range []int{1000, 5000, 10000} {
		ws := synth.Generate(synth.Options{Files: n, Seed: 1})
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			var parse, full time.Duration
			for i := 0; i < b.N; i++ {
				runtime.GC()
				start := time.Now()
				parseAll(ws)
				parse += time.Since(start)
				runtime.GC()
				start = time.Now()
				check(b, ws)
				full += time.Since(start)
			}
			b.ReportMetric(float64(parse.Milliseconds())/float64(b.N), "parse-ms")
			b.ReportMetric(float64(full.Milliseconds())/float64(b.N), "check-ms")
			b.ReportMetric(float64(full)/float64(parse), "check/parse")
			b.ReportMetric(float64(full.Milliseconds())/float64(b.N)/float64(n)*1000, "check-ms/1k-files")
			b.ReportMetric(float64(ws.SourceBytes)/1e6, "source-MB")
		})
	}
}

// BenchmarkUpdate measures Snapshot.Update after one file changed, on a
// 5,000-file workspace: an edit inside a leaf module, and adding or
// removing 'use client' on a module that more than 500 others import.
func BenchmarkUpdate(b *testing.B) {
	ws := synth.Generate(synth.Options{Files: 5000, Seed: 1})
	files := ws.FS()
	base, err := engine.Load(context.Background(), files, ws.Root, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		path string
		edit func(src string, i int) string
	}{
		{"leaf-edit", ws.Large, func(src string, i int) string { return src + fmt.Sprintf("\nexport const edit%d = %d\n", i%2, i) }},
		{"hub-flip", ws.Hub, func(src string, i int) string {
			if i%2 == 0 {
				return "'use client'\n" + src
			}
			return src
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			orig := files[tc.path]
			defer func() { files[tc.path] = orig }()
			snap := base
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				files[tc.path] = tc.edit(orig, i)
				snap, err = snap.Update(context.Background(), files, []string{tc.path}, snap.Options())
				if err != nil {
					b.Fatal(err)
				}
				snap.Findings()
			}
		})
	}
}

// BenchmarkWarmStart compares a first check of a 10k-file workspace, which
// fills the on-disk cache, with a second one that reads it (both include
// discovery, hashing every file, the graph and all graph checks).
func BenchmarkWarmStart(b *testing.B) {
	ws := synth.Generate(synth.Options{Files: 10000, Seed: 1})
	fsys := ws.IndexedFS()
	var cold, warm time.Duration
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		for run := 0; run < 2; run++ {
			runtime.GC()
			start := time.Now()
			store := factcache.Open(dir, ws.Root, [32]byte{byte(i)})
			if _, err := engine.Load(context.Background(), fsys, ws.Root, engine.Options{Analyzers: suite.Analyzers, Cache: store}); err != nil {
				b.Fatal(err)
			}
			if err := store.Save(); err != nil {
				b.Fatal(err)
			}
			if run == 0 {
				cold += time.Since(start)
			} else {
				warm += time.Since(start)
				if store.Misses != 0 {
					b.Fatalf("warm run missed %d files", store.Misses)
				}
			}
		}
	}
	b.ReportMetric(float64(cold.Milliseconds())/float64(b.N), "cold-ms")
	b.ReportMetric(float64(warm.Milliseconds())/float64(b.N), "warm-ms")
	b.ReportMetric(float64(warm)/float64(cold), "warm/cold")
}
