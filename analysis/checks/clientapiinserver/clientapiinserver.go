// Package clientapiinserver reports client-only React and Next.js APIs
// used by modules of the server graph.
package clientapiinserver

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "clientApiInServer",
	Doc: `client-only React or Next.js API in a module of the server graph

Hooks such as useState and useEffect, createContext, class components and
next/navigation's hooks only work in Client Components. A module reached
from a page, layout or route without passing a 'use client' boundary is a
Server Component module; Next.js refuses to build one that imports these
APIs. The import chain shows how the module gets into the server graph:
mark the module (or the parent it should live under) with 'use client'.`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-client",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

// Message is Next.js's message for a client-only API in the server graph.
func Message(name string) string {
	if isClassAPI(name) {
		return `You’re importing a class component. It only works in a Client Component but none of its parents are marked with "use client", so they're Server Components by default.`
	}
	return fmt.Sprintf("You're importing a module that depends on `%s` into a React Server Component module. This API is only available in Client Components. To fix, mark the file (or its parent) with the `\"use client\"` directive.", name)
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	f := m.Facts
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	report := func(span facts.Span, name string, turbopackOnly bool) {
		msg := Message(name)
		if turbopackOnly {
			msg += " " + rsc.TurbopackOnlyImport
		}
		d := analysis.Diagnostic{
			Start: span.Start, End: span.End,
			Message: chains.Message(msg, graph.Server),
			Related: chains.Related(graph.Server),
		}
		if m.Role == project.RoleNone {
			d.Fixes = []analysis.SuggestedFix{textedit.AddUseClientFix(f)}
		}
		pass.Report(d)
	}
	// Named imports: what Next.js's compiler rejects, at the specifier.
	// webpack checks them after TypeScript elides those used only as
	// types or not at all; Turbopack checks them as written.
	for i, imp := range f.Imports {
		if imp.TypeOnly || imp.Kind != facts.ImportStatic {
			continue
		}
		for k := range imp.Names {
			n := &imp.Names[k]
			if !n.TypeOnly && rsc.IsClientOnlyAPI(imp.Source, n.Imported) {
				report(n.Span, n.Imported, !m.NameLoaded(i, n))
			}
		}
	}
	// React.useState and friends through a namespace or default import:
	// the compiler lets them through and they fail when they run.
	for _, u := range f.APIs {
		if !u.Member || !rsc.IsClientOnlyAPI(f.Imports[u.Import].Source, u.Name) || isClassAPI(u.Name) {
			continue // class components are reported at their extends clause
		}
		if u.Context == facts.AtModuleScope || (u.Context == facts.AtRender && g.Live(m, u.Stmt)) {
			report(u.Span, u.Name, false)
		}
	}
	// class X extends React.Component: React's server build has no Component.
	for _, c := range f.Classes {
		if c.Ref.Kind != facts.RefImport || !isClassAPI(c.Ref.Imported) {
			continue
		}
		imp := &f.Imports[c.Ref.Import]
		if imp.Source != "react" || namedImport(imp, c.Ref.Imported) {
			continue // a named import is reported at the import
		}
		report(c.Span, c.Ref.Imported, false)
	}
	return nil, nil
}

func isClassAPI(name string) bool { return name == "Component" || name == "PureComponent" }

func namedImport(imp *facts.Import, name string) bool {
	for _, n := range imp.Names {
		if n.Imported == name {
			return true
		}
	}
	return false
}
