package synth

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/resolve"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/internal/osfs"
)

// cache keeps generated workspaces across tests of one run.
var cache = map[Options]*Workspace{}

func generate(t testing.TB, opts Options) *Workspace {
	t.Helper()
	if w, ok := cache[opts]; ok {
		return w
	}
	w := Generate(opts)
	cache[opts] = w
	return w
}

func TestDeterministic(t *testing.T) {
	opts := Options{Files: 1500, Seed: 7, Mistakes: 5}
	a, b := Generate(opts), Generate(opts)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("file counts differ: %d vs %d", len(a.Files), len(b.Files))
	}
	for p, s := range a.Files {
		if b.Files[p] != s {
			t.Fatalf("%s differs between two runs", p)
		}
	}
	if a.Hub != b.Hub || a.Large != b.Large || fmt.Sprint(a.Mistakes) != fmt.Sprint(b.Mistakes) {
		t.Fatalf("metadata differs: %q/%q %q/%q", a.Hub, b.Hub, a.Large, b.Large)
	}
	c := Generate(Options{Files: 1500, Seed: 8})
	same := 0
	for p, s := range c.Files {
		if a.Files[p] == s {
			same++
		}
	}
	if same > len(c.Files)/2 {
		t.Errorf("seeds 7 and 8 share %d of %d files", same, len(c.Files))
	}
}

// Mistakes change only the files they are in and the pages that import
// them.
func TestMistakesKeepTheRest(t *testing.T) {
	clean := generate(t, Options{Files: 1000, Seed: 1})
	bad := generate(t, Options{Files: 1000, Seed: 1, Mistakes: len(mistakeSpecs)})
	if len(bad.Mistakes) != len(mistakeSpecs) {
		t.Fatalf("got %d mistakes, want %d", len(bad.Mistakes), len(mistakeSpecs))
	}
	changed := 0
	for p, s := range clean.Files {
		if bad.Files[p] != s {
			changed++
		}
	}
	if max := 2 * len(mistakeSpecs); changed > max {
		t.Errorf("%d files changed by %d mistakes, want at most %d", changed, len(mistakeSpecs), max)
	}
}

// TestOptions generates tiny and lopsided workspaces.
func TestOptions(t *testing.T) {
	for _, opts := range []Options{
		{Files: 1},
		{Files: 20, Mistakes: 3},
		{Files: 150, Apps: 3, Packages: 1, Mistakes: 40},
		{Files: 400, Packages: 9, Seed: -5},
		{Files: 800, Apps: 2, Packages: 4, Root: "/tmp/w"},
	} {
		w := Generate(opts)
		if len(w.Sources) == 0 || w.Large == "" || w.Files[w.Large] == "" {
			t.Errorf("%+v: %d sources, Large %q", opts, len(w.Sources), w.Large)
		}
		for _, p := range w.Sources {
			if !strings.HasPrefix(p, w.Root+string(filepath.Separator)) {
				t.Fatalf("%+v: %s is outside %s", opts, p, w.Root)
			}
			lang, _ := syntax.LangForPath(p)
			if syntax.MustParse([]byte(w.Files[p]), lang).HasError {
				t.Errorf("%+v: %s: syntax error", opts, p)
			}
		}
	}
}

func TestFileCount(t *testing.T) {
	for _, n := range []int{1000, 5000, 10000} {
		w := generate(t, Options{Files: n, Seed: 1})
		got := len(w.Sources)
		if d := got - n; d < -n/20 || d > n/20 {
			t.Errorf("Files=%d: generated %d sources, want within 5%%", n, got)
		}
		// Sources must be what project discovery finds.
		p, err := project.Discover(w.IndexedFS(), w.Root)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Files) != got {
			t.Errorf("Files=%d: discovery found %d sources, Sources has %d", n, len(p.Files), got)
		}
		if len(p.Apps) != len(w.Apps) {
			t.Errorf("Files=%d: discovery found %d apps, want %d", n, len(p.Apps), len(w.Apps))
		}
		if len(p.Workspaces) != len(w.Packages)+len(w.Apps) {
			t.Errorf("Files=%d: discovery found %d workspace packages, want %d", n, len(p.Workspaces), len(w.Packages)+len(w.Apps))
		}
		t.Logf("Files=%d: %d sources, %.1f MB, %d apps, %d packages, %d files in all", n, got, float64(w.SourceBytes)/(1<<20), len(w.Apps), len(w.Packages), len(w.Files))
	}
}

func TestSizes(t *testing.T) {
	for _, n := range []int{1000, 10000} {
		w := generate(t, Options{Files: n, Seed: 1})
		var sizes []int
		for _, p := range w.Sources {
			sizes = append(sizes, len(w.Files[p]))
		}
		sort.Ints(sizes)
		small, mid, big := 0, 0, 0
		for _, s := range sizes {
			switch {
			case s < 1024:
				small++
			case s <= 5*1024:
				mid++
			case s > 30*1024:
				big++
			}
		}
		t.Logf("Files=%d: min %d, median %d, p90 %d, max %d; <1 KB %d, 1-5 KB %d, >30 KB %d",
			n, sizes[0], sizes[len(sizes)/2], sizes[len(sizes)*9/10], sizes[len(sizes)-1], small, mid, big)
		if sizes[0] < 512 {
			t.Errorf("Files=%d: smallest source is %d bytes, want >= 512", n, sizes[0])
		}
		if sizes[len(sizes)-1] > 60*1024 {
			t.Errorf("Files=%d: largest source is %d bytes, want <= 60 KB", n, sizes[len(sizes)-1])
		}
		if big == 0 {
			t.Errorf("Files=%d: no source over 30 KB", n)
		}
		if mid < len(sizes)/2 {
			t.Errorf("Files=%d: only %d of %d sources are 1-5 KB", n, mid, len(sizes))
		}
		if l := len(w.Files[w.Large]); l < 45*1024 || l > 55*1024 {
			t.Errorf("Files=%d: Large %s is %d bytes, want about 50 KB", n, w.Large, l)
		}
	}
}

// TestMix checks the proportions of directives and import styles.
func TestMix(t *testing.T) {
	w := generate(t, Options{Files: 5000, Seed: 1})
	var client, server, cache, none int
	specs := map[string]int{}
	importRe := regexp.MustCompile(`(?m)(?:from |import\(|^import )['"]([^'"]+)['"]`)
	for _, p := range w.Sources {
		src := w.Files[p]
		switch {
		case strings.HasPrefix(src, "'use client'") || strings.HasPrefix(src, `"use client"`):
			client++
		case strings.HasPrefix(src, "'use server'") || strings.HasPrefix(src, `"use server"`):
			server++
		case strings.HasPrefix(src, "'use cache'") || strings.HasPrefix(src, `"use cache"`):
			cache++
		default:
			none++
		}
		for _, m := range importRe.FindAllStringSubmatch(src, -1) {
			s := m[1]
			switch {
			case strings.HasPrefix(s, "."):
				s = "relative"
			case strings.HasPrefix(s, "@/"):
				s = "alias"
			case strings.HasPrefix(s, "@synth/"):
				if strings.Count(s, "/") > 1 {
					s = "package subpath"
				} else {
					s = "package"
				}
			}
			specs[s]++
		}
	}
	n := len(w.Sources)
	t.Logf("'use client' %d (%.1f%%), 'use server' %d (%.1f%%), 'use cache' %d, none %d", client, pct(client, n), server, pct(server, n), cache, none)
	t.Logf("imports: %v", specs)
	if p := pct(client, n); p < 15 || p > 22 {
		t.Errorf("'use client' in %.1f%% of files, want 15-20%%", p)
	}
	if p := pct(server, n); p < 3 || p > 7 {
		t.Errorf("'use server' in %.1f%% of files, want about 5%%", p)
	}
	if cache == 0 {
		t.Error("no 'use cache' file")
	}
	for _, s := range []string{"relative", "alias", "package", "package subpath", "react", "next/navigation", "next/link", "next/dynamic", "next/headers", "next/cache", "server-only"} {
		if specs[s] == 0 {
			t.Errorf("no import of kind %q", s)
		}
	}
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(b) }

// TestParse parses every source with the grammar the engine uses.
func TestParse(t *testing.T) {
	sizes := []int{1000, 5000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		w := generate(t, Options{Files: n, Seed: int64(n), Mistakes: 2 * len(mistakeSpecs)})
		bad := 0
		for _, p := range w.Sources {
			lang, ok := syntax.LangForPath(p)
			if !ok {
				t.Errorf("%s: not a source file", p)
				continue
			}
			if tree := syntax.MustParse([]byte(w.Files[p]), lang); tree.HasError {
				if bad++; bad <= 5 {
					t.Errorf("%s: syntax error\n%s", p, w.Files[p])
				}
			}
		}
		if bad > 0 {
			t.Errorf("Files=%d: %d files with syntax errors", n, bad)
		}
	}
}

// TestImportsResolve resolves every import of every source, in both
// environments for the modules that can run in both.
func TestImportsResolve(t *testing.T) {
	w := generate(t, Options{Files: 2000, Seed: 3})
	fsys := w.IndexedFS()
	p, err := project.Discover(fsys, w.Root)
	if err != nil {
		t.Fatal(err)
	}
	r := resolve.New(fsys, resolve.Options{Workspaces: p.Workspaces})
	failed := 0
	for _, path := range w.Sources {
		lang, _ := syntax.LangForPath(path)
		f, _ := facts.Extract(syntax.MustParse([]byte(w.Files[path]), lang))
		for _, imp := range f.Imports {
			for _, env := range []resolve.Env{resolve.Server, resolve.Client} {
				res := r.Resolve(path, imp.Source, env, imp.Kind == facts.ImportRequire)
				if !res.Found() {
					if failed++; failed <= 10 {
						t.Errorf("%s: %q (%v): %s", path, imp.Source, env, res.Reason)
					}
				}
			}
		}
	}
}

func TestHub(t *testing.T) {
	for _, n := range []int{1000, 2000, 10000} {
		w := generate(t, Options{Files: n, Seed: 1})
		if n < HubMinFiles {
			if w.Hub != "" {
				t.Errorf("Files=%d: Hub = %q, want none", n, w.Hub)
			}
			continue
		}
		if w.Hub == "" {
			t.Fatalf("Files=%d: no Hub", n)
		}
		fsys := w.IndexedFS()
		p, err := project.Discover(fsys, w.Root)
		if err != nil {
			t.Fatal(err)
		}
		r := resolve.New(fsys, resolve.Options{Workspaces: p.Workspaces})
		importers := 0
		hubPkg := filepath.Dir(filepath.Dir(w.Hub))
		for _, path := range w.Sources {
			// Only the package's name or a relative path inside it can
			// reach the hub: skip the files that have neither.
			if !strings.Contains(w.Files[path], "@synth/utils") && !strings.HasPrefix(path, hubPkg) {
				continue
			}
			lang, _ := syntax.LangForPath(path)
			f, _ := facts.Extract(syntax.MustParse([]byte(w.Files[path]), lang))
			for _, imp := range f.Imports {
				if r.Resolve(path, imp.Source, resolve.Server, false).Path == w.Hub {
					importers++
					break
				}
			}
		}
		if importers < HubMinImporters || importers != len(w.HubImporters) {
			t.Errorf("Files=%d: %d modules import the hub (HubImporters: %d), want >= %d", n, importers, len(w.HubImporters), HubMinImporters)
		}
		t.Logf("Files=%d: hub %s has %d importers", n, w.Hub, importers)
	}
}

func load(t *testing.T, w *Workspace) *engine.Snapshot {
	t.Helper()
	s, err := engine.Load(context.Background(), w.IndexedFS(), w.Root, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range s.Notes() {
		t.Errorf("note: %s: %s", n.Path, n.Message)
	}
	return s
}

// TestCleanCheck: a generated workspace has no error findings, and the
// module graph takes in every runtime module.
func TestCleanCheck(t *testing.T) {
	sizes := []Options{{Files: 1000, Seed: 1}, {Files: 5000, Seed: 2}}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, opts := range sizes {
		w := generate(t, opts)
		start := time.Now()
		s := load(t, w)
		t.Logf("Files=%d: engine.Load %v", opts.Files, time.Since(start))
		errs := 0
		for _, f := range s.Findings() {
			if f.Severity == analysis.SeverityError {
				if errs++; errs <= 10 {
					t.Errorf("%s:%d: %s [%s]", s.Rel(f.Path), f.Start, f.Message, f.Rule)
				}
			} else {
				t.Logf("%s: %s: %s [%s]", s.Rel(f.Path), f.Severity, f.Message, f.Rule)
			}
		}
		if errs > 0 {
			t.Errorf("Files=%d: %d error findings in a clean workspace", opts.Files, errs)
		}
		g := s.Graph()
		unreached := 0
		for _, p := range w.Sources {
			m := g.Module(p)
			if m == nil || m.In(0) || m.In(1) || typesOnly(m.Facts) || strings.HasSuffix(p, ".mjs") {
				continue // config files and type-only modules are not runtime modules
			}
			if unreached++; unreached <= 5 {
				t.Logf("not in the module graph: %s", s.Rel(p))
			}
		}
		if unreached > len(w.Sources)/50 {
			t.Errorf("Files=%d: %d of %d sources are in neither graph", opts.Files, unreached, len(w.Sources))
		}
	}
}

func typesOnly(f *facts.File) bool {
	for _, x := range f.Exports {
		if x.Kind != facts.ExportType && !x.TypeOnly {
			return false
		}
	}
	return len(f.Exports) > 0
}

// TestMistakesFound: each injected mistake is reported by its rule, in its
// file, and no other file has an error.
func TestMistakesFound(t *testing.T) {
	sizes := []Options{{Files: 1000, Seed: 1, Mistakes: len(mistakeSpecs)}, {Files: 5000, Seed: 2, Mistakes: 2 * len(mistakeSpecs)}}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, opts := range sizes {
		w := generate(t, opts)
		if len(w.Mistakes) != opts.Mistakes {
			t.Errorf("Files=%d: %d mistakes injected, want %d", opts.Files, len(w.Mistakes), opts.Mistakes)
		}
		s := load(t, w)
		type key struct{ path, rule string }
		found := map[key]bool{}
		mistakeFiles := map[string]bool{}
		for _, m := range w.Mistakes {
			mistakeFiles[m.Path] = true
		}
		for _, f := range s.Findings() {
			found[key{f.Path, f.Rule}] = true
			if f.Severity == analysis.SeverityError && !mistakeFiles[f.Path] {
				t.Errorf("error outside the mistakes: %s:%d: %s [%s]", s.Rel(f.Path), f.Start, f.Message, f.Rule)
			}
		}
		checked := 0
		for _, m := range w.Mistakes {
			if suite.ByName(m.Rule) == nil {
				t.Logf("%s: rule %s is not in the suite", s.Rel(m.Path), m.Rule)
				continue
			}
			checked++
			if !found[key{m.Path, m.Rule}] {
				var got []string
				for _, f := range s.FindingsFor(m.Path) {
					got = append(got, f.Rule)
				}
				t.Errorf("%s (%s): no %s finding; found %v", s.Rel(m.Path), m.What, m.Rule, got)
			}
		}
		if checked == 0 {
			t.Error("no mistake has a rule in the suite")
		}
	}
}

func TestIndexedFS(t *testing.T) {
	w := generate(t, Options{Files: 1000, Seed: 1})
	x, m := w.IndexedFS(), w.FS()
	dirs := map[string]bool{w.Root: true}
	for p := range w.Files {
		for d := filepath.Dir(p); d != w.Root && d != filepath.Dir(d); d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	n := 0
	for d := range dirs {
		if n++; n > 200 {
			break
		}
		a, errA := x.ReadDir(d)
		b, errB := m.ReadDir(d)
		if (errA == nil) != (errB == nil) || fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("ReadDir(%s): indexed %v %v, map %v %v", d, a, errA, b, errB)
		}
		fa, _ := x.Stat(d)
		if !fa.IsDir {
			t.Errorf("Stat(%s) is not a directory", d)
		}
	}
	if _, err := x.ReadDir(filepath.Join(w.Root, "missing")); err == nil {
		t.Error("ReadDir of a missing directory succeeded")
	}
	if _, err := x.Stat(w.Large); err != nil {
		t.Error(err)
	}
}

func TestWriteTo(t *testing.T) {
	w := generate(t, Options{Files: 200, Seed: 1})
	dir := t.TempDir()
	if err := w.WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	s, err := engine.Load(context.Background(), osfs.FS{}, dir, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Project.Files); got != len(w.Sources) {
		t.Errorf("on disk: %d sources, want %d", got, len(w.Sources))
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var bytes int64
			for i := 0; i < b.N; i++ {
				w := Generate(Options{Files: n, Seed: int64(i)})
				bytes = w.SourceBytes
			}
			b.SetBytes(bytes)
		})
	}
}
