// Package movedapi reports imports of APIs from the module Next.js moved
// them out of (ImageResponse from next/server), with a fix that imports
// them from their new module.
package movedapi

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "movedApi",
	Doc: `API imported from the module it moved out of (ImageResponse from next/server)

ImageResponse moved from next/server to next/og in Next.js 14. Next.js
refuses to build a module of the server graph that imports it from
next/server; elsewhere the old export only throws when it is called. The
fix imports it from next/og.`,
	URL:      "https://nextjs.org/docs/app/api-reference/functions/image-response",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

// Message is Next.js's message for a moved API.
func Message(a *rsc.API) string {
	since := ""
	if a.Since != "" {
		since = " since Next.js " + a.Since
	}
	return fmt.Sprintf(`%s moved from %q to %q%s, please import from %q instead`, a.Name, a.Module, a.Note, since, a.Note)
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	f := m.Facts
	if f == nil || f.Has(rsc.UseClient) {
		return nil, nil // a client reference in the server graph: not compiled there
	}
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for i := range f.Imports {
		imp := &f.Imports[i]
		// Next.js's compiler looks at import declarations.
		if imp.TypeOnly || imp.Kind != facts.ImportStatic {
			continue
		}
		for j := range imp.Names {
			n := &imp.Names[j]
			a := rsc.Lookup(rsc.Moved, imp.Source, n.Imported)
			if n.TypeOnly || a == nil {
				continue
			}
			d := analysis.Diagnostic{
				Start: n.Span.Start, End: n.Span.End,
				Message: chains.Message(Message(a), graph.Server),
				Related: chains.Related(graph.Server),
			}
			if fix, ok := importFrom(pass, f, imp, n, a.Note); ok {
				d.Fixes = []analysis.SuggestedFix{fix}
			}
			pass.Report(d)
		}
	}
	return nil, nil
}

// importFrom makes the fix: the import's source becomes the new module
// when the moved API is all it imports; otherwise the specifier leaves
// the import for one of its own, after it.
func importFrom(pass *analysis.Pass, f *facts.File, imp *facts.Import, n *facts.ImportName, module string) (analysis.SuggestedFix, bool) {
	fix := analysis.SuggestedFix{ID: "importFromNewModule", Message: fmt.Sprintf("Import %s from %q", n.Imported, module)}
	alone := true
	for k := range imp.Names {
		if o := &imp.Names[k]; o != n && !o.TypeOnly {
			alone = false
		}
	}
	if alone {
		fix.Edits = []analysis.TextEdit{{Start: imp.SourceSpan.Start, End: imp.SourceSpan.End, NewText: textedit.Quote(f, module)}}
		return fix, true
	}
	src, err := pass.ReadFile(pass.Module.Path)
	if err != nil || imp.Span.End > len(src) || n.Span.End > len(src) {
		return fix, false
	}
	del, ok := specifierWithComma(src, n.Span)
	if !ok {
		return fix, false
	}
	spec := strings.TrimSpace(string(src[n.Span.Start:n.Span.End]))
	stmt := textedit.Statement(f, "import { "+spec+" } from "+textedit.Quote(f, module))
	fix.Edits = []analysis.TextEdit{del, {Start: imp.Span.End, End: imp.Span.End, NewText: "\n" + stmt}}
	return fix, true
}

// specifierWithComma returns the edit that removes a specifier from the
// braces of an import, with the comma that separates it from the next
// specifier, or else from the previous one.
func specifierWithComma(src []byte, s facts.Span) (analysis.TextEdit, bool) {
	isBlank := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	end := s.End
	for end < len(src) && isBlank(src[end]) {
		end++
	}
	if end < len(src) && src[end] == ',' {
		end++
		for end < len(src) && isBlank(src[end]) {
			end++
		}
		if end < len(src) && src[end] != '}' {
			return analysis.TextEdit{Start: s.Start, End: end}, true
		}
	}
	start := s.Start
	for start > 0 && isBlank(src[start-1]) {
		start--
	}
	if start > 0 && src[start-1] == ',' {
		return analysis.TextEdit{Start: start - 1, End: s.End}, true
	}
	return analysis.TextEdit{}, false
}
