// Package clientmoduleinserver reports client-only modules imported into
// the server graph.
package clientmoduleinserver

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/passes/environment"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "clientModuleInServer",
	Doc: `client-only module imported into the server graph

client-only, react-dom/client, react-dom/server and next/router (and the
modules listed in clientOnlyModules) cannot be imported by Server
Components; Next.js refuses to build them. The finding is where Next.js
reports it: at the import, in the module of the server graph that makes
it, with the chain from the page. An installed package that imports
client-only is reported at the import of the package. import() and
require() of these modules are not checked by the compiler (only the
client-only package fails wherever it is bundled), and neither are the
imports of installed packages.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/composition-patterns#client-components",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer, environment.Analyzer},
	Run:      run,
}

// Message is Next.js's message for a client-only module in the server graph.
func Message(source string) string {
	switch source {
	case "react-dom/server":
		return "You're importing a component that imports react-dom/server. To fix it, render or return the content directly as a Server Component instead for perf and security."
	case "next/router":
		return "You have a Server Component that imports next/router. Use next/navigation instead."
	}
	return fmt.Sprintf(`You're importing a component that imports %s. It only works in a Client Component but none of its parents are marked with "use client", so they're Server Components by default.`, source)
}

// marker reports whether an installed package's module declares itself
// client-only by importing client-only.
func marker(m *graph.Module) bool {
	if m.Facts == nil {
		return false
	}
	for i, imp := range m.Facts.Imports {
		if imp.Source == "client-only" && !imp.TypeOnly && m.Load(i) == graph.Loaded {
			return true
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	f := m.Facts
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	env := pass.ResultOf[environment.Analyzer].(*environment.Result)
	report := func(span facts.Span, msg string) {
		pass.Report(analysis.Diagnostic{
			Start: span.Start, End: span.End,
			Message: chains.Message(msg, graph.Server),
			Related: chains.Related(graph.Server),
		})
	}
	for i := range f.Imports {
		imp := &f.Imports[i]
		if src := env.ClientOnlyImport(imp); src != "" {
			msg := Message(src)
			if m.Load(i) != graph.Loaded {
				msg += " " + rsc.TurbopackOnlyImport
			}
			report(imp.SourceSpan, msg)
			continue
		}
		if m.Load(i) != graph.Loaded {
			continue
		}
		if t := g.Target(m, i, graph.Server); t != nil && t.External && !t.Boundary && marker(t) {
			report(imp.SourceSpan, Message("client-only")+fmt.Sprintf(" (%s imports \"client-only\".)", pass.Rel(t.Path)))
		}
	}
	return nil, nil
}
