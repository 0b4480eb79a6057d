// Package unnecessaryuseclient hints at 'use client' directives that change
// nothing.
package unnecessaryuseclient

import (
	"path/filepath"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/resolve"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "unnecessaryUseClient",
	Doc: `'use client' that changes nothing

A 'use client' directive marks where Server Components hand over to the
client. In a module that only Client Component modules import, and that
uses no hook, browser global, event handler or other client-only API, it
has no effect: the module runs on the client because of its importers.
Fewer boundaries make the server/client split easier to follow.

It is not reported where code outside the analysis may import the module
from a Server Component: in a package that other packages import (a
workspace package, a published package's exports) and in the sources of
a shadcn-style registry (registry/ beside a registry.json).`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-client",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityHint,
	Tags:     analysis.TagUnnecessary,
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	if !m.Boundary || m.Role != project.RoleNone {
		return nil, nil
	}
	if g.BoundaryImporter(m).From != nil || len(g.Importers(m, graph.Client)) == 0 {
		return nil, nil // Server Components import it, or nothing does
	}
	if usesClientAPIs(m.Facts) || wrapsPackage(g, m) || exposed(pass, m) {
		return nil, nil
	}
	for _, d := range m.Facts.Directives {
		if d.Kind != rsc.UseClient {
			continue
		}
		fix := analysis.SuggestedFix{ID: "removeDirective", Message: `Remove "use client"`, NeedsReview: true}
		if src, err := pass.ReadFile(m.Path); err == nil && d.Stmt.End <= len(src) {
			fix.Edits = []analysis.TextEdit{textedit.DeleteStatement(src, d.Stmt)}
		}
		diag := analysis.Diagnostic{
			Start: d.Span.Start, End: d.Span.End,
			Message: `This "use client" is not needed: only Client Component modules import this module, and it uses no client-only API, so it runs on the client without it.`,
		}
		if fix.Edits != nil {
			diag.Fixes = []analysis.SuggestedFix{fix}
		}
		pass.Report(diag)
		return nil, nil
	}
	return nil, nil
}

// wrapsPackage reports whether the module imports a third-party package
// (installed, or not installed yet). A 'use client' module around a
// package's components is the usual way to use them from Server
// Components, and the package may need the client for reasons the
// graph cannot see.
func wrapsPackage(g *graph.Recorder, m *graph.Module) bool {
	for i, imp := range m.Facts.Imports {
		if imp.TypeOnly || strings.HasPrefix(imp.Source, ".") || isFramework(imp.Source) {
			continue
		}
		res := g.Resolution(m, i, graph.Client)
		if res.Kind == resolve.NotFound || (res.Kind == resolve.File && strings.Contains(filepath.ToSlash(res.Path), "/node_modules/")) {
			return true
		}
	}
	return false
}

func isFramework(source string) bool {
	for _, p := range []string{"react", "react-dom", "next"} {
		if source == p || strings.HasPrefix(source, p+"/") {
			return true
		}
	}
	return false
}

// usesClientAPIs reports whether a module does anything that needs the
// client: hooks, browser globals, event handlers, client-only APIs.
func usesClientAPIs(f *facts.File) bool {
	if f.HookCalls > 0 || f.BrowserRefs > 0 || f.HandlerAttrs > 0 || len(f.Classes) > 0 {
		return true
	}
	for _, imp := range f.Imports {
		for _, mod := range rsc.ClientOnlyModules {
			if imp.Source == mod {
				return true
			}
		}
		for _, n := range imp.Names {
			if rsc.IsClientOnlyAPI(imp.Source, n.Imported) {
				return true
			}
		}
	}
	for _, u := range f.APIs {
		if rsc.IsClientOnlyAPI(f.Imports[u.Import].Source, u.Name) {
			return true
		}
	}
	return false
}
