package engine_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/test/fuzzseed"
)

// fuzzTimeout is how long one input may take before it counts as a hang.
// Real inputs take milliseconds; the margin is for a loaded machine.
const fuzzTimeout = 10 * time.Second

// watchdog stops the fuzzer on an input that takes over fuzzTimeout.
func watchdog(what string) (stop func()) { return fuzzseed.Watchdog(what, fuzzTimeout) }

// fuzzRel turns the fuzzer's file name into a path inside the project: its
// segments keep the characters of real route files ("(group)", "[slug]",
// "@slot"), and a name that is not a JS/TS module gets ".tsx".
func fuzzRel(name string) string {
	var segs []string
	for _, seg := range strings.Split(name, "/") {
		seg = strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("._-()[]@", r):
				return r
			}
			return -1
		}, seg)
		if seg == "" || seg == "." || seg == ".." {
			continue
		}
		if len(seg) > 40 {
			seg = seg[:40]
		}
		segs = append(segs, seg)
	}
	if len(segs) > 4 {
		segs = append(segs[:3], segs[len(segs)-1])
	}
	rel := strings.Join(segs, "/")
	if rel == "" {
		rel = "x"
	}
	if _, ok := syntax.LangForPath(rel); !ok {
		rel += ".tsx"
	}
	return rel
}

// fuzzProject is a small Next.js app around the fuzzed file: a page that
// renders it, a Client Component that imports it too (so it lands in both
// module graphs), a Server Functions module, an installed package with a
// client entry, and a tsconfig alias.
func fuzzProject(rel string, src []byte) vfs.MapFS {
	files := vfs.MapFS{
		"/w/package.json":                 `{"name":"app","dependencies":{"next":"15.0.0","react":"19.0.0","ui":"1.0.0"}}`,
		"/w/tsconfig.json":                `{"compilerOptions":{"baseUrl":".","paths":{"@/*":["./*"]}}}`,
		"/w/lib/actions.ts":               "'use server'\nexport async function act() {}\n",
		"/w/node_modules/ui/package.json": `{"name":"ui","main":"index.js"}`,
		"/w/node_modules/ui/index.js":     "'use client'\nexport function Button(props) { return null }\n",
		"/w/app/page.tsx": "import * as M from '../" + rel + "'\nimport { C } from '../components/client'\n" +
			"export default function Page() { return <div><M.default onClick={() => 1} /><C /></div> }\n",
		"/w/components/client.tsx": "'use client'\nimport * as M from '../" + rel + "'\n" +
			"export function C() { return <M.default /> }\n",
	}
	files["/w/"+rel] = string(src)
	return files
}

// seedName is a fixture's path inside its fixture project:
// testdata/example/app/page.tsx becomes app/page.tsx.
func seedName(rel string) string {
	if i := strings.LastIndex(rel, "testdata/"); i >= 0 {
		rest := rel[i+len("testdata/"):]
		if _, after, ok := strings.Cut(rest, "/"); ok {
			return after
		}
	}
	return rel
}

// FuzzAnalyze runs the whole engine on one arbitrary file in a small
// project: parsing with the grammar its name selects (and the other one),
// fact extraction, every single-file check on the raw bytes, then a full
// load with the module graph and every graph check, and an incremental
// update that must agree with the load.
func FuzzAnalyze(f *testing.F) {
	// A tenth of the real budget: texts that overrun it cost the fuzzer
	// 0.1 s instead of 1 s, and a healthy input stays far below it.
	defer syntax.ScaleBudgetForTest(100)()
	for _, s := range fuzzseed.Sources() {
		f.Add(seedName(s.Rel), s.Data)
	}
	f.Add("lib/x.ts", []byte("'use server'\nexport const x = 1\n"))
	f.Add("components/b.tsx", []byte("'use client'\nimport { Button } from 'ui'\nimport { act } from '@/lib/actions'\nexport default function B({ on }: { on: () => void }) { return <Button onClick={act} /> }\n"))
	f.Add("app/[slug]/page.tsx", []byte("export default async function P() { 'use cache'; const s = useState(0); return <p>{window.x}</p> }\n"))
	f.Add("app/error.ts", []byte("\ufeff  // rscls-ignore-file all\n('use client');\nexport const dynamic = 'force-dynamic' \r\n😀\x00"))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		defer watchdog(fmt.Sprintf("FuzzAnalyze(%q, %d bytes)", name, len(src)))()
		rel := fuzzRel(name)
		path := "/w/" + rel
		files := fuzzProject(rel, src)

		// Parsing and extraction, with both grammars, on the raw bytes. A
		// text that overruns its parse budget is skipped by the engine; the
		// rest of the target checks that it is, and that nothing else is
		// lost.
		lang, _ := syntax.LangForPath(path)
		tree, parseErr := syntax.Parse(src, lang)
		for _, l := range []syntax.Lang{lang, 1 - lang} {
			t1, err := tree, parseErr
			if l != lang {
				t1, err = syntax.Parse(src, l)
			}
			if err != nil {
				checkBudgetError(t, err)
				continue
			}
			f1, loc := facts.Extract(t1)
			checkFacts(t, src, f1, loc)
			if l == lang {
				again, err := syntax.Parse(src, l)
				if err != nil {
					checkBudgetError(t, err) // near the budget, timing decides
					continue
				}
				if f2, _ := facts.Extract(again); !reflect.DeepEqual(f1, f2) {
					t.Fatalf("extraction is not deterministic:\n%+v\n%+v", f1, f2)
				}
			}
		}

		opts := engine.Options{Analyzers: suite.Analyzers, Workers: 1}
		snap, err := engine.Load(context.Background(), files, "/w", opts)
		if err != nil {
			t.Fatal(err)
		}

		// The single-file checks on the raw bytes, as the language server
		// runs them on an open buffer (which may hold anything, NULs
		// included).
		if parseErr == nil {
			_, _, findings, err := snap.AnalyzeFile(path, tree)
			if err != nil {
				checkBudgetError(t, err)
			}
			for _, fd := range findings {
				checkDiagnostic(t, files, path, fd.Diagnostic)
			}
		}

		if parseErr != nil && engine.SkipReason(src) == "" && !overran(snap, path) {
			t.Fatalf("the parse of %s overran its budget, but the workspace has no note of it: %v", path, snap.Notes())
		}

		// Every finding of the workspace.
		for _, p := range snap.Files() {
			for _, fd := range snap.FindingsFor(p) {
				checkDiagnostic(t, files, p, fd.Diagnostic)
			}
		}

		// The same workspace reached by an edit must give the same findings.
		before := fuzzProject(rel, nil)
		prev, err := engine.Load(context.Background(), before, "/w", opts)
		if err != nil {
			t.Fatal(err)
		}
		updated, err := prev.Update(context.Background(), files, []string{path}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if overran(snap, path) || overran(updated, path) {
			// Whether a text near its budget makes it depends on timing;
			// that a skipped file costs no other file its findings is
			// checked above.
			return
		}
		if got, want := renderFindings(updated), renderFindings(snap); got != want {
			t.Fatalf("findings after an update differ from a fresh load:\n--- update ---\n%s--- load ---\n%s", got, want)
		}
	})
}

// checkBudgetError fails the test on any error but an overrun budget.
func checkBudgetError(t *testing.T, err error) {
	t.Helper()
	var be *syntax.BudgetError
	if !errors.As(err, &be) {
		t.Fatalf("unexpected error: %v", err)
	}
}

// overran reports whether the snapshot skipped path for its time budget.
func overran(s *engine.Snapshot, path string) bool {
	for _, n := range s.Notes() {
		if n.Path == path && strings.Contains(n.Message, "exceeded its time budget") {
			return true
		}
	}
	return false
}

func renderFindings(s *engine.Snapshot) string {
	var b strings.Builder
	for _, f := range s.Findings() {
		fmt.Fprintf(&b, "%s:%d-%d %s %s: %s related=%v fixes=%v\n", f.Path, f.Start, f.End, f.Severity, f.Rule, f.Message, f.Related, f.Fixes)
	}
	return b.String()
}

// checkRange checks that [start, end) is a range of content and, when the
// content is valid UTF-8, that both ends fall on character boundaries.
func checkRange(t *testing.T, what, path string, content []byte, start, end int) {
	t.Helper()
	if start < 0 || start > end || end > len(content) {
		t.Fatalf("%s: range [%d, %d) outside %s (%d bytes)", what, start, end, path, len(content))
	}
	if utf8.Valid(content) {
		for _, off := range []int{start, end} {
			if off < len(content) && !utf8.RuneStart(content[off]) {
				t.Fatalf("%s: offset %d of [%d, %d) in %s splits a character", what, off, start, end, path)
			}
		}
	}
}

// checkDiagnostic checks a diagnostic of path: no check failed, and its
// range, related locations and fixes lie within their files.
func checkDiagnostic(t *testing.T, files vfs.MapFS, path string, d analysis.Diagnostic) {
	t.Helper()
	if strings.HasPrefix(d.Message, "internal error") {
		t.Fatalf("%s: %s", path, d.Message)
	}
	what := fmt.Sprintf("%s diagnostic %q", d.Rule, d.Message)
	content := []byte(files[path])
	checkRange(t, what, path, content, d.Start, d.End)
	for _, r := range d.Related {
		rc, ok := files[r.Path]
		if !ok {
			t.Fatalf("%s: related location in %q, which does not exist", what, r.Path)
		}
		checkRange(t, what+" related "+r.Message, r.Path, []byte(rc), r.Start, r.End)
	}
	for _, fix := range d.Fixes {
		byPath := map[string][]analysis.TextEdit{}
		for _, e := range fix.Edits {
			p := e.Path
			if p == "" {
				p = path
			}
			byPath[p] = append(byPath[p], e)
		}
		for p, edits := range byPath {
			fc, ok := files[p]
			if !ok {
				t.Fatalf("%s: fix %q edits %q, which does not exist", what, fix.Message, p)
			}
			for _, e := range edits {
				checkRange(t, what+" fix "+fix.Message, p, []byte(fc), e.Start, e.End)
			}
			sort.SliceStable(edits, func(i, j int) bool {
				if edits[i].Start != edits[j].Start {
					return edits[i].Start < edits[j].Start
				}
				return edits[i].End < edits[j].End
			})
			for i := 1; i < len(edits); i++ {
				if edits[i].Start < edits[i-1].End {
					t.Fatalf("%s: fix %q has overlapping edits %+v and %+v", what, fix.Message, edits[i-1], edits[i])
				}
			}
		}
	}
}

var spanType = reflect.TypeOf(facts.Span{})

// checkFacts checks that every span the extraction produced is a range of
// the source: checks report them and build fixes from them.
func checkFacts(t *testing.T, src []byte, f *facts.File, loc *facts.Local) {
	t.Helper()
	if f.Size != len(src) {
		t.Fatalf("Size %d, want %d", f.Size, len(src))
	}
	if f.FirstStmt < 0 || f.FirstStmt > len(src) {
		t.Fatalf("FirstStmt %d outside the file (%d bytes)", f.FirstStmt, len(src))
	}
	var walk func(v reflect.Value, at string)
	walk = func(v reflect.Value, at string) {
		switch v.Kind() {
		case reflect.Struct:
			if v.Type() == spanType {
				s := v.Interface().(facts.Span)
				checkRange(t, "span "+at, "the source", src, s.Start, s.End)
				return
			}
			for i := 0; i < v.NumField(); i++ {
				field := v.Type().Field(i)
				if !field.IsExported() || field.Type.Kind() == reflect.Pointer {
					continue // Local.Tree: the parser's nodes are not facts
				}
				if field.Name == "AsyncAt" {
					if n := int(v.Field(i).Int()); n < -1 || n > len(src) {
						t.Fatalf("%s.AsyncAt %d outside the file (%d bytes)", at, n, len(src))
					}
				}
				walk(v.Field(i), at+"."+field.Name)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", at, i))
			}
		}
	}
	walk(reflect.ValueOf(*f), "File")
	walk(reflect.ValueOf(*loc), "Local")
}

// TestFuzzRel pins the mapping from fuzzed names to project paths.
func TestFuzzRel(t *testing.T) {
	for name, want := range map[string]string{
		"":                       "x.tsx",
		"app/page.tsx":           "app/page.tsx",
		"../../etc/passwd":       "etc/passwd.tsx",
		"a/./b//c.mts":           "a/b/c.mts",
		"app/(shop)/[id]/x.d.ts": "app/(shop)/[id]/x.d.ts.tsx",
		"a/b/c/d/e/f.js":         "a/b/c/f.js",
		"a b\x00c.ts":            "abc.ts",
	} {
		if got := fuzzRel(name); got != want {
			t.Errorf("fuzzRel(%q) = %q, want %q", name, got, want)
		}
		if got := fuzzRel(name); filepath.Clean("/w/"+got) != "/w/"+got {
			t.Errorf("fuzzRel(%q) = %q is not clean", name, got)
		}
	}
}
