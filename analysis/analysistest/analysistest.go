// Package analysistest runs checks over fixture projects and compares their
// diagnostics with expectations written in the fixture files themselves,
// as golang.org/x/tools/go/analysis/analysistest does:
//
//	useState(0) // want `needs .useState.`
//	{/* want "must be a Client Component" */}
//
// A comment `want "re" ...` expects, on its own line, one diagnostic per
// quoted regular expression, matched against the message; `want +N "re"`
// expects them N lines further down. Every diagnostic must be expected
// and every expectation met. On a file's first line, `want env:"re"`
// expects the environments of the file's module, "server", "client",
// "shared" or "none", to match re (anchored at both ends).
//
// RunWithFixes also applies fixes and compares each changed file with
// file.golden next to it: the first suggested fix of every diagnostic, or,
// when file.golden is a txtar archive, for each of its sections the fixes
// whose message is the section's name, so that alternative fixes each
// have a golden. Run the tests with -update to rewrite the goldens.
package analysistest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/textedit"
	"github.com/rscls/rscls/analysis/textpos"
	"github.com/rscls/rscls/analysis/vfs"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Updating reports whether the tests run with -update, so that other
// generated files of a package's tests follow the same flag.
func Updating() bool { return *update }

type expectation struct {
	file string
	line int // 0-based
	re   *regexp.Regexp
	met  bool
}

// Run analyzes the fixture project at dir with the given analyzers only
// and checks their diagnostics against the want comments.
func Run(t *testing.T, dir string, analyzers ...*analysis.Analyzer) *engine.Snapshot {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := engine.Load(context.Background(), fsys, dir, engine.Options{Analyzers: analyzers})
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	for _, n := range snap.Notes() {
		if n.Error {
			t.Errorf("%s: %s", n.Path, n.Message)
		}
	}
	checkWants(t, fsys, dir, snap, analyzers)
	wants, envs := expectations(t, snap.Files())
	for _, w := range envs {
		if got := envOf(snap, w.file); !w.re.MatchString(got) {
			t.Errorf("%s: the module's environments are %q, want %q", rel(dir, w.file), got, w.re)
		}
	}
	for _, f := range snap.Findings() {
		m := mapper(t, f.Path)
		line, col := m.Position(f.Start, textpos.UTF32)
		matched := false
		for _, w := range wants {
			if !w.met && w.file == f.Path && w.line == line && w.re.MatchString(f.Message) {
				w.met, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected diagnostic [%s]: %s", rel(dir, f.Path), line+1, col+1, f.Rule, f.Message)
		}
		for _, fix := range f.Fixes {
			if fix.ID == "" {
				t.Errorf("%s:%d:%d: fix %q of [%s] has no ID", rel(dir, f.Path), line+1, col+1, fix.Message, f.Rule)
			}
		}
	}
	for _, w := range wants {
		if !w.met {
			t.Errorf("%s:%d: no diagnostic matched %q", rel(dir, w.file), w.line+1, w.re)
		}
	}
	return snap
}

// checkWants loads the project again, parsing every file, and checks
// that skipping the files no check wants loses nothing: both loads find
// the same, and every file check's Wants takes each file it reports on.
func checkWants(t *testing.T, fsys vfs.FS, dir string, snap *engine.Snapshot, analyzers []*analysis.Analyzer) {
	t.Helper()
	all, err := engine.Load(context.Background(), fsys, dir, engine.Options{Analyzers: analyzers, ParseAll: true})
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	key := func(f engine.Finding) string {
		return fmt.Sprintf("%s:%d:%d: [%s] %s", rel(dir, f.Path), f.Start, f.End, f.Rule, f.Message)
	}
	got := map[string]bool{}
	for _, f := range snap.Findings() {
		got[key(f)] = true
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range analyzers {
		byName[a.Name] = a
	}
	for _, f := range all.Findings() {
		if !got[key(f)] {
			t.Errorf("%s: found only when every file is parsed", key(f))
		}
		a := byName[f.Rule]
		if a == nil || a.Scope != analysis.FileScope || a.Wants == nil {
			continue
		}
		src, err := fsys.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		file := all.File(f.Path).Info
		file.Src = src
		if !a.Wants(&file, all.ConfigFor(f.Path)) {
			t.Errorf("%s: reported on a file its Wants rejects", key(f))
		}
	}
}

// RunWithFixes is Run, then checks the first fix of every diagnostic
// against golden files.
func RunWithFixes(t *testing.T, dir string, analyzers ...*analysis.Analyzer) *engine.Snapshot {
	t.Helper()
	snap := Run(t, dir, analyzers...)
	edits := map[string][]analysis.TextEdit{}
	for _, f := range snap.Findings() {
		if len(f.Fixes) == 0 {
			continue
		}
		for _, e := range f.Fixes[0].Edits {
			if e.Path == "" {
				e.Path = f.Path
			}
			edits[e.Path] = append(edits[e.Path], e)
		}
	}
	// Files that fixes create have a golden file where they would be.
	paths := snap.Files()
	created := map[string]bool{}
	for path, list := range edits {
		if analysis.CreatesFile(list) {
			created[path] = true
			paths = append(paths, path)
		}
	}
	for _, path := range paths {
		golden := path + ".golden"
		want, err := os.ReadFile(golden)
		if err == nil && bytes.HasPrefix(want, []byte("-- ")) {
			alternatives(t, snap, path, golden, want)
			continue
		}
		list, changed := edits[path]
		if !changed {
			if err == nil {
				t.Errorf("%s: golden file exists but no fix changes the file", rel(snap.Root, golden))
			}
			continue
		}
		var src []byte
		if _, serr := os.Stat(path); created[path] && serr == nil {
			t.Errorf("%s: a fix creates the file, but it exists", rel(snap.Root, path))
			continue
		} else if !created[path] {
			var rerr error
			if src, rerr = os.ReadFile(path); rerr != nil {
				t.Fatal(rerr)
			}
		}
		got, aerr := textedit.Apply(src, list)
		if aerr != nil {
			t.Errorf("%s: %v", rel(snap.Root, path), aerr)
			continue
		}
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: fixes change the file but there is no golden file (run with -update)", rel(snap.Root, path))
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s: fixed file differs from golden\n--- got ---\n%s--- want ---\n%s", rel(snap.Root, path), got, want)
		}
	}
	// A golden file of a file that neither exists nor is created is left
	// over from a fix that is no longer offered.
	known := map[string]bool{}
	for _, p := range paths {
		known[p] = true
	}
	filepath.WalkDir(snap.Root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".golden") && !known[strings.TrimSuffix(p, ".golden")] {
			if _, serr := os.Stat(strings.TrimSuffix(p, ".golden")); serr != nil {
				t.Errorf("%s: golden file of a file that no fix creates", rel(snap.Root, p))
			}
		}
		return nil
	})
	return snap
}

// alternatives checks a file against a golden txtar archive: each section,
// named by a fix's message, holds the file after the fixes with that
// message (of every diagnostic) are applied; every fix that changes the
// file must have its section.
func alternatives(t *testing.T, snap *engine.Snapshot, path, golden string, archive []byte) {
	t.Helper()
	byMessage := map[string][]analysis.TextEdit{}
	for _, f := range snap.FindingsFor(path) {
		for _, fix := range f.Fixes {
			for _, e := range fix.Edits {
				if e.Path == "" {
					e.Path = f.Path
				}
				if e.Path == path {
					byMessage[fix.Message] = append(byMessage[fix.Message], e)
				}
			}
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, f := range txtar.Parse(archive).Files {
		want[f.Name] = string(f.Data)
	}
	got := &txtar.Archive{}
	for _, msg := range slices.Sorted(maps.Keys(byMessage)) {
		fixed, err := textedit.Apply(src, byMessage[msg])
		if err != nil {
			t.Errorf("%s: fix %q: %v", rel(snap.Root, path), msg, err)
			continue
		}
		got.Files = append(got.Files, txtar.File{Name: msg, Data: fixed})
		w, ok := want[msg]
		switch {
		case *update:
		case !ok:
			t.Errorf("%s: no section for the fix %q (run with -update)", rel(snap.Root, golden), msg)
		case w != string(fixed):
			t.Errorf("%s: the fix %q gives\n%s--- want ---\n%s", rel(snap.Root, path), msg, fixed, w)
		}
		delete(want, msg)
	}
	if *update {
		if err := os.WriteFile(golden, txtar.Format(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for msg := range want {
		t.Errorf("%s: section %q, but no fix of that message changes the file", rel(snap.Root, golden), msg)
	}
}

// readTree reads the fixture project at dir into memory: the engine
// reads only through a vfs.FS, and a fixture is small.
func readTree(dir string) (vfs.MapFS, error) {
	files := vfs.MapFS{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[path] = string(data)
		return nil
	})
	return files, err
}

var (
	wantRE = regexp.MustCompile(`(?://|/\*)\s*want\s+(.*)`)
	envRE  = regexp.MustCompile(`^env:("(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `)`)
	plusRE = regexp.MustCompile(`^\+(\d+)\s`)
)

// expectations reads the want comments of the files: diagnostics
// expected on lines, and environments expected of modules.
func expectations(t *testing.T, files []string) (diags, envs []*expectation) {
	for _, path := range files {
		if strings.Contains(filepath.ToSlash(path), "/node_modules/") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			rest := strings.TrimSpace(m[1])
			if e := envRE.FindStringSubmatch(rest); e != nil {
				if i != 0 {
					t.Fatalf("%s:%d: want env: belongs on the first line", path, i+1)
				}
				v, err := strconv.Unquote(e[1])
				if err != nil {
					t.Fatalf("%s:%d: %v", path, i+1, err)
				}
				re, err := regexp.Compile("^(?:" + v + ")$")
				if err != nil {
					t.Fatalf("%s:%d: %v", path, i+1, err)
				}
				envs = append(envs, &expectation{file: path, line: i, re: re})
				if rest = strings.TrimSpace(rest[len(e[0]):]); rest == "" || strings.HasPrefix(rest, "*/") {
					continue
				}
			}
			target := i
			if p := plusRE.FindStringSubmatch(rest); p != nil {
				n, _ := strconv.Atoi(p[1])
				target += n
				rest = rest[len(p[0]):]
			}
			res, err := quotedList(rest)
			if err != nil {
				t.Fatalf("%s:%d: bad want comment: %v", path, i+1, err)
			}
			for _, r := range res {
				re, err := regexp.Compile(r)
				if err != nil {
					t.Fatalf("%s:%d: %v", path, i+1, err)
				}
				diags = append(diags, &expectation{file: path, line: target, re: re})
			}
		}
	}
	return diags, envs
}

// envOf describes the environments of a file's module.
func envOf(snap *engine.Snapshot, path string) string {
	m := snap.Graph().Module(path)
	switch {
	case m == nil:
		return "none"
	case m.Shared():
		return "shared"
	case m.In(graph.Server):
		return "server"
	case m.In(graph.Client):
		return "client"
	}
	return "none"
}

// quotedList parses a run of Go string literals ("..." or `...`),
// stopping at the end of a block comment.
func quotedList(s string) ([]string, error) {
	var out []string
	for {
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "*/") {
			break
		}
		var end int
		switch s[0] {
		case '`':
			end = strings.IndexByte(s[1:], '`') + 1
		case '"':
			end = 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
		default:
			return nil, fmt.Errorf("expected a quoted regexp at %q", s)
		}
		if end <= 0 || end >= len(s) {
			return nil, fmt.Errorf("unterminated string in %q", s)
		}
		v, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		s = s[end+1:]
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no expectations")
	}
	return out, nil
}

func mapper(t *testing.T, path string) *textpos.Mapper {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return textpos.NewMapper(src)
}

func rel(base, path string) string {
	if r, err := filepath.Rel(base, path); err == nil {
		return r
	}
	return path
}
