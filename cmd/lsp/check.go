package lsp

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/textpos"
	"github.com/rscls/rscls/internal/factcache"
	"github.com/rscls/rscls/internal/osfs"
	"github.com/rscls/rscls/internal/report"
	"github.com/rscls/rscls/protocol"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fix := fs.Bool("fix", false, "apply the single suggested fix of each finding that has exactly one, then report what remains")
	noCache := fs.Bool("no-cache", false, "do not read or write the cache of per-file results (also: RSCLS_CACHE_DIR=off)")
	verbose := fs.Bool("verbose", false, "list the imports that resolve to no file")
	fs.BoolVar(verbose, "v", false, "short for --verbose")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: rscls check [flags] [PATH...]\n\nChecks the Next.js projects at each PATH (a directory, or a file inside a project).\nExit status: 0 when no error was found, 1 when one was, 2 on a usage or configuration error.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return exitUsage
	}
	if !contains(report.Formats, *format) {
		fmt.Fprintf(stderr, "rscls check: unknown format %q (want %s)\n", *format, strings.Join(report.Formats, ", "))
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	targets, err := resolveTargets(paths)
	if err != nil {
		fmt.Fprintf(stderr, "rscls check: %v\n", err)
		return exitUsage
	}
	cwd, _ := os.Getwd()
	var all []engine.Finding
	sources := &diskSources{}
	exit := 0
	for _, t := range targets {
		snap, err := loadWorkspace(t.root, !*noCache)
		if err != nil {
			fmt.Fprintf(stderr, "rscls check: %v\n", err)
			return exitUsage
		}
		if *fix {
			n, err := applyFixes(snap.Findings(), t.only)
			if err != nil {
				fmt.Fprintf(stderr, "rscls check: %v\n", err)
				return 1
			}
			if n > 0 {
				fmt.Fprintf(stderr, "rscls: applied %d fix(es)\n", n)
				if snap, err = loadWorkspace(t.root, !*noCache); err != nil {
					fmt.Fprintf(stderr, "rscls check: %v\n", err)
					return exitUsage
				}
			}
		}
		for _, n := range snap.Notes() {
			if len(t.only) > 0 && n.Path != "" && !t.only[n.Path] {
				continue
			}
			where := ""
			if n.Path != "" {
				where = relTo(cwd, n.Path) + ": "
			}
			kind := "note"
			if n.Error {
				kind = "error"
				exit = exitUsage
			}
			fmt.Fprintf(stderr, "rscls: %s%s: %s\n", where, kind, n.Message)
		}
		sayUnresolved(stderr, cwd, snap, t.only, *verbose)
		for _, f := range snap.Findings() {
			if len(t.only) == 0 || t.only[f.Path] {
				all = append(all, f)
			}
		}
	}
	if exit == exitUsage {
		return exitUsage
	}
	if err := report.Write(stdout, *format, report.Input{Findings: all, Base: cwd, Sources: sources, Analyzers: suite.Analyzers, Version: versionString()}); err != nil {
		fmt.Fprintf(stderr, "rscls check: %v\n", err)
		return 1
	}
	for _, f := range all {
		if f.Severity == analysis.SeverityError {
			return 1
		}
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func relTo(base, path string) string {
	if r, err := filepath.Rel(base, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// loadWorkspace analyzes the workspace at root, through the on-disk cache
// of per-file results unless useCache is false or caching is off.
func loadWorkspace(root string, useCache bool) (*engine.Snapshot, error) {
	opts := engine.Options{Analyzers: suite.Analyzers, DriverSettings: protocol.SettingsSection}
	var store *factcache.Store
	if dir := factcache.Dir(); useCache && dir != "" {
		store = factcache.Open(dir, root, factcache.ExecutableSalt())
		opts.Cache = store
	}
	snap, err := engine.Load(context.Background(), osfs.NewConfined(root), root, opts)
	if err == nil && store != nil {
		store.Save() // a cache that cannot be written only costs time
	}
	return snap, err
}

// target is one workspace to load, optionally restricted to some files.
type target struct {
	root  string
	only  map[string]bool // nil: report the whole workspace
	whole bool
}

// resolveTargets maps command-line paths to workspaces: a directory is a
// workspace; a file is checked within the project that contains it, so
// that its role and imports are known.
func resolveTargets(paths []string) ([]target, error) {
	byRoot := map[string]*target{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		fi, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or directory", p)
		}
		root, file := abs, ""
		if !fi.IsDir() {
			root, file = projectRootOf(filepath.Dir(abs)), abs
		}
		t, ok := byRoot[root]
		if !ok {
			t = &target{root: root, only: map[string]bool{}}
			byRoot[root] = t
		}
		if file == "" {
			t.whole = true
		} else {
			t.only[file] = true
		}
	}
	var out []target
	for _, t := range byRoot {
		if t.whole {
			t.only = nil
		}
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].root < out[j].root })
	return out, nil
}

// projectRootOf walks up from dir to the nearest directory that looks like
// a project root.
func projectRootOf(dir string) string {
	markers := []string{"package.json", "next.config.js", "next.config.mjs", "next.config.ts", ".git", engine.SettingsFile}
	for d := dir; ; {
		for _, m := range markers {
			if _, err := os.Stat(filepath.Join(d, m)); err == nil {
				return d
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// diskSources maps files read from disk, once each.
type diskSources struct{ cache map[string]*textpos.Mapper }

func (d *diskSources) Mapper(path string) *textpos.Mapper {
	if d.cache == nil {
		d.cache = map[string]*textpos.Mapper{}
	}
	if m, ok := d.cache[path]; ok {
		return m
	}
	src, err := os.ReadFile(path)
	var m *textpos.Mapper
	if err == nil {
		m = textpos.NewMapper(src)
	}
	d.cache[path] = m
	return m
}
