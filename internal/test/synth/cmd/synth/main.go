// Command synth writes a synthetic Next.js monorepo to disk, for manual
// runs of rscls check:
//
//	go run ./internal/synth/cmd/synth -files 5000 -out /tmp/x
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/rscls/rscls/internal/test/synth"
)

func main() {
	files := flag.Int("files", 1000, "approximate number of JS/TS source files")
	seed := flag.Int64("seed", 1, "random seed: the same seed and options give the same workspace")
	apps := flag.Int("apps", 0, "Next.js apps (0: max(1, files/2500))")
	packages := flag.Int("packages", 0, "workspace packages (0: max(2, files/800))")
	mistakes := flag.Int("mistakes", 0, "known mistakes to inject")
	out := flag.String("out", "", "directory to write the workspace to (required)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: synth -out DIR [-files N] [-seed S] [-apps N] [-packages N] [-mistakes N]")
		os.Exit(2)
	}
	start := time.Now()
	w := synth.Generate(synth.Options{Files: *files, Seed: *seed, Apps: *apps, Packages: *packages, Mistakes: *mistakes})
	gen := time.Since(start)
	if err := w.WriteTo(*out); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d files (%d sources, %.1f MB of source) to %s in %v (generation %v)\n",
		len(w.Files), len(w.Sources), float64(w.SourceBytes)/(1<<20), *out, time.Since(start).Round(time.Millisecond), gen.Round(time.Millisecond))
	if w.Hub != "" {
		fmt.Printf("hub:   %s (%d importers)\n", w.Rebase(w.Hub, *out), len(w.HubImporters))
	}
	if w.Large != "" {
		fmt.Printf("large: %s\n", w.Rebase(w.Large, *out))
	}
	for _, m := range w.Mistakes {
		fmt.Printf("mistake: %s [%s] %s\n", w.Rebase(m.Path, *out), m.Rule, m.What)
	}
}
