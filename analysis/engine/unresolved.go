package engine

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/resolve"
)

// Unresolved is an import of the workspace's own code that resolves to
// no file: nothing past it is checked.
type Unresolved struct {
	Path      string // the importing file
	Span      facts.Span
	Specifier string
	Cause     resolve.Cause
	Reason    string
}

// Unresolved lists the workspace's imports that resolve to nothing (those
// of the framework's own packages aside), by file and import order.
func (s *Snapshot) Unresolved() []Unresolved {
	if s.graph == nil {
		return nil
	}
	var out []Unresolved
	for _, u := range s.graph.Unresolved() {
		imp := &u.Module.Facts.Imports[u.Import]
		out = append(out, Unresolved{
			Path: u.Module.Path, Span: imp.SourceSpan, Specifier: imp.Source,
			Cause: u.Result.Cause, Reason: u.Result.Reason,
		})
	}
	return out
}

// UnresolvedCount is how many imports missed for one cause.
type UnresolvedCount struct {
	Cause resolve.Cause
	N     int
}

// CountUnresolved counts imports by cause, in the order of resolve.Causes,
// leaving out causes with none.
func CountUnresolved(list []Unresolved) []UnresolvedCount {
	n := map[resolve.Cause]int{}
	for _, u := range list {
		n[u.Cause]++
	}
	var out []UnresolvedCount
	for _, c := range resolve.Causes {
		if n[c] > 0 {
			out = append(out, UnresolvedCount{Cause: c, N: n[c]})
		}
	}
	return out
}

// UnresolvedSummary says in one line how many imports resolve to nothing
// and why, or "" when all resolve: a hole in the graph must not look like
// a clean app.
func UnresolvedSummary(list []Unresolved) string {
	if len(list) == 0 {
		return ""
	}
	var parts []string
	for _, c := range CountUnresolved(list) {
		parts = append(parts, fmt.Sprintf("%d %s", c.N, c.Cause))
	}
	imports := "imports resolve"
	if len(list) == 1 {
		imports = "import resolves"
	}
	return fmt.Sprintf("%d %s to no file, so nothing past them is checked (%s)", len(list), imports, strings.Join(parts, ", "))
}
