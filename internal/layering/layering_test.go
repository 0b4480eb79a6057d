// Package layering holds the test that keeps the layers of rscls apart,
// as ARCHITECTURE.md draws them: each package may import only the
// packages its layer allows. It reads every package's imports with
// go/parser, so it needs nothing but the source tree.
package layering

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/rscls/rscls"

// core is the analysis core: what checks, the engine and the drivers
// build on. Checks see files only through their pass, so it leaves out
// analysis/vfs.
var core = []string{
	"analysis", "analysis/facts", "analysis/graph", "analysis/nextconfig", "analysis/project", "analysis/resolve",
	"analysis/rsc", "analysis/syntax", "analysis/textpos",
}

func with(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// layers says, for each package (a path relative to the module; "x/..."
// is x and everything below it), which packages of the module and which
// third-party modules it may import. The first matching entry applies;
// a package no entry matches is an error, so that a new package takes a
// place in the table. The standard library is always allowed, except
// where osFree says otherwise.
var layers = []struct {
	pkg   string
	allow []string
}{
	// Leaves.
	{"analysis/textpos", nil},
	{"analysis/rsc", nil},
	{"analysis/vfs", nil},
	{"analysis/syntax", []string{"github.com/tree-sitter/..."}},
	{"analysis/facts", []string{"analysis/rsc", "analysis/syntax"}},
	{"analysis/project", []string{"analysis/vfs"}},
	{"analysis/nextconfig", []string{"analysis/syntax", "analysis/vfs"}},
	{"analysis/resolve", []string{"analysis/vfs"}},
	{"analysis/graph", []string{"analysis/facts", "analysis/project", "analysis/resolve", "analysis/rsc"}},
	{"analysis", []string{"analysis/facts", "analysis/graph", "analysis/nextconfig", "analysis/project", "analysis/resolve", "analysis/rsc", "analysis/syntax", "analysis/textpos"}},
	{"analysis/textedit", []string{"analysis", "analysis/facts"}},
	// Analyzers that report nothing and hand results to others.
	{"analysis/passes/...", with(core, []string{"analysis/textedit", "analysis/passes/..."})},
	// Checks see their pass: the core, edits, and the analyzers they require.
	{"analysis/checks/...", with(core, []string{"analysis/textedit", "analysis/passes/..."})},
	{"analysis/suite", []string{"analysis", "analysis/checks/..."}},
	// The driver runs any analyzer; it knows none by name.
	{"analysis/engine", with(core, []string{"analysis/textedit", "analysis/vfs"})},
	{"analysis/analysistest", with(core, []string{"analysis/engine", "analysis/textedit", "analysis/vfs", "golang.org/x/tools/txtar"})},
	// The language server: the only package that knows LSP.
	{"protocol", with(core, []string{"analysis/engine", "analysis/textedit", "analysis/vfs", "go.lsp.dev/..."})},
	// Support of the binary.
	{"internal/osfs", []string{"analysis/vfs"}},
	{"internal/factcache", []string{"analysis", "analysis/engine", "analysis/facts", "analysis/vfs"}},
	{"internal/report", []string{"analysis", "analysis/engine", "analysis/textpos"}},
	{"internal/graphview", []string{"analysis/engine", "analysis/graph", "analysis/project"}},
	{"internal/gen", []string{"analysis", "analysis/rsc", "analysis/suite", "protocol"}},
	// Test support may use anything but the command.
	{"internal/test/...", []string{"analysis/...", "protocol", "internal/...", "go.lsp.dev/...", "golang.org/x/tools/..."}},
	{"internal/nextfixtures", nil},
	// The oracle of compiler verdicts: cases, verdicts and wants; its test
	// runs the engine like rscls check.
	{"internal/oracle", []string{"analysis", "golang.org/x/tools/txtar"}},
	{"internal/layering", nil},
	// The binary wires everything together.
	{"cmd/...", []string{"cmd/lsp", "analysis/...", "protocol", "internal/...", "go.lsp.dev/...", "golang.org/x/term", "golang.org/x/sys/..."}},
	{"editors/...", nil},
	// Maintainers' tools run the binary and next build; of the module they
	// use only the oracle's case and verdict files.
	{"scripts/...", []string{"internal/oracle"}},
}

// osFree lists the packages that must not touch the operating system:
// the engine does no IO of its own; files come through a vfs.FS.
var osFree = []string{"analysis/..."}

var osPackages = []string{"os", "os/exec", "os/signal", "net", "net/http", "syscall", "io/ioutil", "plugin"}

// osExempt is test support that reads fixtures and writes goldens.
var osExempt = []string{"analysis/analysistest"}

func match(pattern, pkg string) bool {
	if p, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == p || strings.HasPrefix(pkg, p+"/")
	}
	return pkg == pattern
}

func matchAny(patterns []string, pkg string) bool {
	for _, p := range patterns {
		if match(p, pkg) {
			return true
		}
	}
	return false
}

// imports returns, for every package of the module, the imports of its
// non-test files (a test may reach further than its package).
func imports(t *testing.T, root string) map[string]map[string]token.Position {
	out := map[string]map[string]token.Position{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// The go command ignores these directories too.
			name := d.Name()
			if p != root && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		if out[pkg] == nil {
			out[pkg] = map[string]token.Position{}
		}
		file, _ := filepath.Rel(root, p)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			pos := fset.Position(imp.Pos())
			pos.Filename = file
			out[pkg][path] = pos
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// violations lists the imports that break the layering.
func violations(pkgs map[string]map[string]token.Position) []string {
	var bad []string
	for pkg, imps := range pkgs {
		allow, found := []string(nil), false
		for _, l := range layers {
			if match(l.pkg, pkg) {
				allow, found = l.allow, true
				break
			}
		}
		if !found {
			bad = append(bad, pkg+": in no layer: add it to the table in internal/layering")
			continue
		}
		for imp, pos := range imps {
			where := filepath.ToSlash(pos.Filename) + ":" + strconv.Itoa(pos.Line)
			if rel, ok := strings.CutPrefix(imp, module+"/"); ok {
				if !matchAny(allow, rel) {
					bad = append(bad, where+": "+pkg+" may not import "+rel)
				}
				if match("internal/test/...", rel) && !match("internal/test/...", pkg) {
					bad = append(bad, where+": only tests may import "+rel)
				}
				continue
			}
			if first, _, _ := strings.Cut(imp, "/"); strings.Contains(first, ".") {
				if !matchAny(allow, imp) {
					bad = append(bad, where+": "+pkg+" may not import "+imp)
				}
				continue
			}
			if matchAny(osFree, pkg) && !matchAny(osExempt, pkg) && matchAny(osPackages, imp) {
				bad = append(bad, where+": "+pkg+" may not import "+imp+": the engine does no IO")
			}
		}
	}
	sort.Strings(bad)
	return bad
}

func TestLayers(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no module at %s", root)
	}
	pkgs := imports(t, root)
	for _, want := range []string{"analysis", "analysis/engine", "protocol", "cmd/lsp"} {
		if pkgs[want] == nil {
			t.Fatalf("package %s not found: the walk is broken", want)
		}
	}
	for _, v := range violations(pkgs) {
		t.Error(v)
	}
}

// TestViolationsAreCaught feeds the rules imports they must reject.
func TestViolationsAreCaught(t *testing.T) {
	pos := token.Position{Filename: "x.go", Line: 1}
	for _, c := range []struct{ pkg, imp string }{
		{"analysis/engine", module + "/protocol"},
		{"analysis/engine", module + "/analysis/checks/mixedbarrel"},
		{"analysis/graph", module + "/analysis/engine"},
		{"analysis/analysistest", module + "/internal/osfs"},
		{"analysis/checks/mixedbarrel", module + "/analysis/engine"},
		{"analysis/checks/mixedbarrel", module + "/analysis/vfs"},
		{"analysis/syntax", "os"},
		{"analysis/resolve", "go.lsp.dev/uri"},
		{"protocol", module + "/cmd/lsp"},
		{"protocol", module + "/internal/factcache"},
		{"protocol", module + "/analysis/suite"},
		{"internal/report", module + "/protocol"},
		{"internal/factcache", module + "/protocol"},
		{"cmd/lsp", module + "/internal/test/marker"},
		{"analysis/newthing", "fmt"},
	} {
		if v := violations(map[string]map[string]token.Position{c.pkg: {c.imp: pos}}); len(v) == 0 {
			t.Errorf("%s importing %s passes", c.pkg, path.Base(c.imp))
		}
	}
	if v := violations(map[string]map[string]token.Position{"analysis/engine": {module + "/analysis/graph": pos, "fmt": pos}}); len(v) != 0 {
		t.Errorf("allowed imports rejected: %q", v)
	}
}
