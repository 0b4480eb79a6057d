package lsp

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/textpos"
	"github.com/rscls/rscls/internal/factcache"
	"github.com/rscls/rscls/internal/osfs"
	"github.com/rscls/rscls/internal/report"
	"github.com/rscls/rscls/protocol"
)

type checkFlags struct {
	fs                                  *flag.FlagSet
	format, config                      *string
	fix, noCache, quiet, hints, verbose *bool
}

func newCheckFlags(stderr io.Writer) checkFlags {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := checkFlags{fs: fs}
	f.format = fs.String("format", "text", "output `FORMAT`: "+strings.Join(report.Formats, ", "))
	f.fix = fs.Bool("fix", false, "apply each finding's fix when it has exactly one that needs no review, say which, then report what remains")
	f.quiet = fs.Bool("quiet", false, "report errors only (as ESLint's --quiet), in every format")
	fs.BoolVar(f.quiet, "q", false, aliasPrefix+"quiet")
	f.hints = fs.Bool("hints", false, "show findings of severity hint in the text and github formats too (json and sarif always have them)")
	f.config = fs.String("config", "", "read the settings from `FILE` instead of the rscls.json files")
	f.verbose = fs.Bool("verbose", false, "say which settings files and which apps each checked folder has")
	fs.BoolVar(f.verbose, "v", false, aliasPrefix+"verbose")
	f.noCache = fs.Bool("no-cache", false, "do not read or write the cache of per-file results (also: RSCLS_CACHE_DIR=off)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: rscls check [flags] [PATH...]\n\nChecks the Next.js projects at each PATH (a directory, or a file inside a project).\nExit status: 0 when no error was found, 1 when one was, 2 on a usage or configuration error.\n\nFlags:\n")
		printFlags(fs.Output(), fs)
	}
	return f
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	start := time.Now()
	f := newCheckFlags(stderr)
	if code, done := parseFlags(f.fs, args, stdout); done {
		return code
	}
	if !contains(report.Formats, *f.format) {
		fmt.Fprintf(stderr, "rscls check: unknown format %q (want %s)\n", *f.format, strings.Join(report.Formats, ", "))
		return exitUsage
	}
	paths := f.fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	targets, err := resolveTargets(paths)
	if err != nil {
		fmt.Fprintf(stderr, "rscls check: %v\n", err)
		return exitUsage
	}
	cwd, _ := os.Getwd()
	outTerm, errTerm := describe(stdout), describe(stderr)
	prog := startProgress(stderr, errTerm)
	// What is said on standard error waits until the progress line is
	// gone.
	var said bytes.Buffer
	stopped := false
	stopProgress := func() {
		if stopped {
			return
		}
		stopped = true
		prog.finish()
		stderr.Write(said.Bytes())
	}
	defer stopProgress()
	var all []engine.Finding
	var fixed []engine.Finding
	fixedSources := &diskSources{}
	rootOf := map[string]string{}
	sources := &diskSources{}
	files := 0
	exit := 0
	var notes []engine.Note
	for _, t := range targets {
		prog.phase("checking " + relTo(cwd, t.root))
		st, err := findSettings(t.root, *f.config)
		if err != nil {
			stopProgress()
			fmt.Fprintf(stderr, "rscls check: %v\n", err)
			return exitUsage
		}
		opts := loadOptions{cache: !*f.noCache, settings: st, progress: prog.files}
		snap, err := loadWorkspace(t.root, opts)
		if err != nil {
			stopProgress()
			fmt.Fprintf(stderr, "rscls check: %v\n", err)
			return exitUsage
		}
		if *f.fix {
			plan := planFixes(snap.Findings(), t.only)
			// Positions of what is fixed are told in the files as they were.
			for path := range plan.edits {
				fixedSources.Mapper(path)
			}
			n, err := plan.apply()
			if err != nil {
				stopProgress()
				fmt.Fprintf(stderr, "rscls check: %v\n", err)
				return 1
			}
			fixed = append(fixed, plan.fixed...)
			if n > 0 {
				if snap, err = loadWorkspace(t.root, opts); err != nil {
					stopProgress()
					fmt.Fprintf(stderr, "rscls check: %v\n", err)
					return exitUsage
				}
			}
		}
		if *f.verbose {
			describeWorkspace(&said, cwd, t, st, snap)
		}
		for _, n := range snap.Notes() {
			if len(t.only) > 0 && n.Path != "" && !t.only[n.Path] {
				continue
			}
			where := ""
			if n.Path != "" {
				where = relTo(cwd, n.Path) + ": "
			}
			notes = append(notes, n)
			kind := "note"
			if n.Error {
				kind = "error"
				exit = exitUsage
			}
			// Messages name directories by their absolute paths: those
			// below the current directory are shown relative to it.
			msg := strings.ReplaceAll(n.Message, cwd+string(filepath.Separator), "")
			fmt.Fprintf(&said, "rscls: %s%s: %s\n", where, kind, msg)
		}
		for _, fd := range snap.Findings() {
			if len(t.only) == 0 || t.only[fd.Path] {
				all = append(all, fd)
				rootOf[fd.Path] = t.root
			}
		}
		if t.only != nil {
			files += len(t.only)
		} else {
			files += len(snap.Files())
		}
	}
	stopProgress()
	if exit == exitUsage {
		return exitUsage
	}
	sum := report.Summary{Files: files, Quiet: *f.quiet}
	plan := planFixes(all, nil)
	var shown []engine.Finding
	for i := range all {
		fd := &all[i]
		keep := !*f.quiet || fd.Severity == analysis.SeverityError
		if keep {
			shown = append(shown, *fd)
		}
		visible := keep && (*f.hints || fd.Severity != analysis.SeverityHint || *f.format == "json" || *f.format == "sarif")
		sum.Count(fd, visible)
		if visible && plan.state(fd).Status == report.FixAvailable {
			sum.Fixable++
		}
	}
	in := report.Input{
		Findings: shown, Base: cwd, Sources: sources, Analyzers: suite.Analyzers, Version: versionString(),
		Root:  func(path string) string { return rootOf[path] },
		Hints: *f.hints, Color: outTerm.color, Width: outTerm.width,
		Fix: plan.state, Fixed: fixed, FixedSources: fixedSources, Notes: notes,
	}
	if err := report.Write(stdout, *f.format, in); err != nil {
		fmt.Fprintf(stderr, "rscls check: %v\n", err)
		return 1
	}
	if *f.format == "text" {
		report.WriteFixed(stderr, report.Input{Base: cwd, Fixed: fixed, FixedSources: fixedSources, Color: errTerm.color})
	} else if len(fixed) > 0 {
		fmt.Fprintf(stderr, "rscls: fixed %d problem(s)\n", len(fixed))
	}
	sum.Elapsed = time.Since(start)
	fmt.Fprintln(stderr, sum.String(errTerm.color))
	for _, fd := range all {
		if fd.Severity == analysis.SeverityError {
			return 1
		}
	}
	return 0
}

// describeWorkspace says, for --verbose, what a checked folder is made
// of: the settings files in force and the apps found.
func describeWorkspace(w io.Writer, cwd string, t target, st *settings, snap *engine.Snapshot) {
	rel := func(p string) string { return relTo(cwd, p) }
	list := func(files []string) string {
		if len(files) == 0 {
			return "none (defaults)"
		}
		var out []string
		for _, f := range files {
			out = append(out, rel(f))
		}
		return strings.Join(out, ", ")
	}
	fmt.Fprintf(w, "rscls: workspace %s: %s files\n", rel(t.root), report.Thousands(len(snap.Files())))
	above := st.files
	if st.only {
		fmt.Fprintf(w, "rscls:   settings: %s (--config; rscls.json files are not read)\n", list(above))
	} else {
		fmt.Fprintf(w, "rscls:   settings: %s\n", list(append(append([]string(nil), above...), snap.SettingsFiles(t.root)...)))
	}
	if len(snap.Project.Apps) == 0 {
		fmt.Fprintf(w, "rscls:   no Next.js app\n")
	}
	for _, app := range snap.Project.Apps {
		var parts []string
		if app.AppDir != "" {
			parts = append(parts, "app router in "+rel(app.AppDir))
		}
		if app.PagesDir != "" {
			parts = append(parts, "pages router in "+rel(app.PagesDir))
		}
		if app.NextConfig != "" {
			parts = append(parts, filepath.Base(app.NextConfig))
		}
		line := fmt.Sprintf("rscls:   app %s: %s", rel(app.Dir), strings.Join(parts, ", "))
		if !st.only {
			line += "; settings: " + list(append(append([]string(nil), above...), snap.SettingsFiles(app.Dir)...))
		}
		fmt.Fprintln(w, line)
	}
	if n := len(snap.Project.Workspaces); n > 0 {
		names := make([]string, 0, n)
		for name := range snap.Project.Workspaces {
			names = append(names, name)
		}
		sort.Strings(names)
		// A monorepo has dozens: a few to a line.
		line := fmt.Sprintf("rscls:   %d workspace packages:", n)
		for i, name := range names {
			if len(line)+1+len(name) > 100 {
				fmt.Fprintln(w, line)
				line = "rscls:    "
			}
			line += " " + name
			if i < len(names)-1 {
				line += ","
			}
		}
		fmt.Fprintln(w, line)
	}
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

// loadOptions are how a command loads a workspace.
type loadOptions struct {
	cache    bool // through the on-disk cache of per-file results
	settings *settings
	progress func(done, total int)
}

// loadWorkspace analyzes the workspace at root, through the on-disk cache
// of per-file results unless it is turned off.
func loadWorkspace(root string, lo loadOptions) (*engine.Snapshot, error) {
	opts := engine.Options{Analyzers: suite.Analyzers, DriverSettings: protocol.SettingsSection, Progress: lo.progress}
	if st := lo.settings; st != nil {
		opts.Base, opts.NoSettingsFiles = st.base, st.only
	}
	var store *factcache.Store
	if dir := factcache.Dir(); lo.cache && dir != "" {
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
