package oracle

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/internal/osfs"
)

// caseDir is the repository's oracle, relative to this package.
const caseDir = "../../testdata/oracle"

// finding is an rscls finding placed in a case.
type finding struct {
	file     string // slash path inside the case
	line     int    // 1-based
	severity analysis.Severity
	rule     string
	message  string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d %s %s: %s", f.file, f.line, f.severity, f.rule, f.message)
}

// TestOracle holds rscls, as `rscls check` runs it, against the verdicts
// `next build` gave each case (testdata/oracle/README.md has the rules)
// and against the case's want comments.
func TestOracle(t *testing.T) {
	cases, err := LoadCases(caseDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("no cases in %s", caseDir)
	}
	var disagree []string
	for _, c := range cases {
		ok := t.Run(c.Name, func(t *testing.T) { checkCase(t, c) })
		if !ok {
			disagree = append(disagree, c.Name)
		}
	}
	if len(disagree) > 0 {
		t.Logf("%d of %d cases disagree with the compiler or their want comments: %s", len(disagree), len(cases), strings.Join(disagree, " "))
	}
}

func checkCase(t *testing.T, c *Case) {
	findings, wants := runRscls(t, c)
	t.Logf("rscls:%s", list(findings))
	v, err := ReadVerdict(c.VerdictPath())
	if err != nil {
		t.Fatalf("no usable verdict (record it with `make oracle CASES=%s`): %v", c.Name, err)
	}
	var errs []finding
	for _, f := range findings {
		if f.severity == analysis.SeverityError {
			errs = append(errs, f)
		}
	}
	compiler := describeVerdict(v)
	configs := c.ConfigsFor()
	failing := v.Failing(configs)
	switch {
	case len(failing) == 0: // rule A
		if len(errs) > 0 {
			t.Errorf("the compiler builds it (%s) but rscls reports errors:%s", compiler, list(errs))
		}
	case len(failing) == len(configs): // rule B
		if len(errs) == 0 {
			t.Errorf("the compiler rejects it (%s) but rscls reports no error%s", compiler, others(findings))
		}
	default: // rule C
		where, re := Where(failing)
		named := false
		for _, f := range errs {
			if re.MatchString(f.message) {
				named = true
			}
		}
		if !named {
			if len(errs) == 0 {
				t.Errorf("the compiler rejects it %s (%s) but rscls reports no error%s", where, compiler, others(findings))
			} else {
				t.Errorf("the compiler rejects it %s (%s); rscls reports errors that do not say so (want a message matching %q):%s", where, compiler, re, list(errs))
			}
		}
	}

	met := make([]bool, len(wants))
	for _, f := range findings {
		matched := false
		for i, w := range wants {
			if !met[i] && w.Matches(f.file, f.line, f.severity, f.rule, f.message) {
				met[i], matched = true, true
				break
			}
		}
		if !matched && f.severity >= analysis.SeverityWarning {
			t.Errorf("unexpected finding %s", f)
		}
	}
	for i, w := range wants {
		if !met[i] {
			t.Errorf("%s:%d: no finding matched want %s%s", w.File, w.Line, w.Text, near(findings, w))
		}
	}
}

// runRscls writes the case to a temporary directory and analyzes it as
// `rscls check` does (every analyzer, the confined file system, no cache).
func runRscls(t *testing.T, c *Case) ([]finding, []Want) {
	dir := t.TempDir()
	if err := c.Materialise(dir); err != nil {
		t.Fatal(err)
	}
	snap, err := engine.Load(context.Background(), osfs.NewConfined(dir), dir, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatalf("rscls: %v", err)
	}
	for _, n := range snap.Notes() {
		if n.Error {
			t.Errorf("rscls: %s: %s", n.Path, n.Message)
		}
	}
	sources := map[string][]byte{}
	var out []finding
	for _, f := range snap.Findings() {
		src, ok := sources[f.Path]
		if !ok {
			src, _ = os.ReadFile(f.Path)
			sources[f.Path] = src
		}
		line := 1 + bytes.Count(src[:min(f.Start, len(src))], []byte("\n"))
		out = append(out, finding{file: rel(dir, f.Path), line: line, severity: f.Severity, rule: f.Rule, message: f.Message})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return out[i].line < out[j].line
	})
	var wants []Want
	for _, f := range c.Files {
		if strings.HasPrefix(f.Name, "node_modules/") || strings.Contains(f.Name, "/node_modules/") {
			continue // rscls reports nothing inside installed packages
		}
		ws, err := ParseWants(f.Name, string(f.Data))
		if err != nil {
			t.Fatal(err)
		}
		wants = append(wants, ws...)
	}
	return out, wants
}

func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return filepath.ToSlash(r)
	}
	return path
}

func describeVerdict(v *Verdict) string {
	var parts []string
	for _, c := range Configs {
		parts = append(parts, c.Name+" "+v.Results[c.Name].String())
	}
	return strings.Join(parts, "; ")
}

func list(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n\t" + f.String())
	}
	return b.String()
}

// others lists the findings below error severity, which may explain a miss.
func others(fs []finding) string {
	if len(fs) == 0 {
		return " (and no other finding)"
	}
	return "; its other findings:" + list(fs)
}

// near shows the findings on the wanted line, to tell a moved or reworded
// finding from a missing one.
func near(fs []finding, w Want) string {
	var same []finding
	for _, f := range fs {
		if f.file == w.File && (f.line == w.Line || f.rule == w.Rule) {
			same = append(same, f)
		}
	}
	if len(same) == 0 {
		return " (rscls reports nothing there)"
	}
	return "; rscls reports:" + list(same)
}
