//go:build linux || darwin

package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/internal/osfs"
)

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCheckoutParseVsCheck sets a cold check of a real checkout
// (RSCLS_BENCH_CHECKOUT; the repository's testdata when unset) beside
// parsing every source file of it with tree-sitter and nothing else, in
// parallel as the check does: the floor of a cold check, whatever the
// rest costs. It reports wall and CPU time of each.
func BenchmarkCheckoutParseVsCheck(b *testing.B) {
	root := os.Getenv("RSCLS_BENCH_CHECKOUT")
	if root == "" {
		root = filepath.Join("..", "..", "testdata")
	}
	root, err := filepath.Abs(root)
	if err != nil {
		b.Fatal(err)
	}
	proj, err := project.Discover(osfs.NewConfined(root), root)
	if err != nil {
		b.Fatal(err)
	}
	var sources []string
	for _, p := range proj.Files {
		if _, ok := syntax.LangForPath(p); ok {
			sources = append(sources, p)
		}
	}
	var parseWall, parseCPU, checkWall, checkCPU time.Duration
	for i := 0; i < b.N; i++ {
		runtime.GC()
		start, cpu := time.Now(), cpuTime()
		parseFiles(osfs.NewConfined(root), sources)
		parseWall, parseCPU = parseWall+time.Since(start), parseCPU+cpuTime()-cpu
		runtime.GC()
		start, cpu = time.Now(), cpuTime()
		if _, err := engine.Load(context.Background(), osfs.NewConfined(root), root, engine.Options{Analyzers: suite.Analyzers}); err != nil {
			b.Fatal(err)
		}
		checkWall, checkCPU = checkWall+time.Since(start), checkCPU+cpuTime()-cpu
	}
	n := float64(b.N)
	b.ReportMetric(parseWall.Seconds()/n, "parse-wall-s")
	b.ReportMetric(parseCPU.Seconds()/n, "parse-cpu-s")
	b.ReportMetric(checkWall.Seconds()/n, "check-wall-s")
	b.ReportMetric(checkCPU.Seconds()/n, "check-cpu-s")
	b.ReportMetric(float64(checkCPU)/float64(parseCPU), "check/parse-cpu")
}
