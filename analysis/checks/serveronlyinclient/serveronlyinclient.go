// Package serveronlyinclient reports server-only modules and APIs pulled
// into the client graph.
package serveronlyinclient

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/passes/environment"
)

var Analyzer = &analysis.Analyzer{
	Name: "serverOnlyInClient",
	Doc: `server-only module or API imported into the client graph

server-only, next/headers, next/root-params, after from next/server and
the revalidation and cache APIs of next/cache only work in Server
Components. Next.js refuses to build a client graph that reaches them.
The finding is reported where client code pulls the server code in: at a
'use client' module's own import, or at the import of a module that
depends on server-only code, with the chain from the client boundary.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/composition-patterns#keeping-server-only-code-out-of-the-client-environment",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Client},
	Requires: []*analysis.Analyzer{chain.Analyzer, environment.Analyzer},
	Run:      run,
}

// Message is Next.js's message for server-only code in the client graph.
func Message(what string) string {
	return fmt.Sprintf(`You're importing a module that depends on %q into a React Client Component module. This API is only available in Server Components but one of its parents is marked with "use client", so this module is also a Client Component.`, what)
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	f := m.Facts
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	env := pass.ResultOf[environment.Analyzer].(*environment.Result)
	// A module that itself depends on server-only code is fine; the module
	// that brings it into the client graph is not, unless it is the
	// 'use client' module itself.
	if !m.Boundary && env.ServerOnly(m) != "" {
		return nil, nil
	}
	report := func(span facts.Span, msg string) {
		pass.Report(analysis.Diagnostic{
			Start: span.Start, End: span.End,
			Message: chains.Message(msg, graph.Client),
			Related: chains.Related(graph.Client),
		})
	}
	for i := range f.Imports {
		imp := &f.Imports[i]
		if sink, named := env.ServerOnlyImport(imp); sink != "" {
			span := imp.SourceSpan
			if named != nil {
				span = named.Span
			}
			report(span, Message(sink))
			continue
		}
		t := g.Target(m, i, graph.Client)
		if t == nil || t.ServerRef || t.Boundary {
			continue
		}
		if why := env.ServerOnly(t); why != "" {
			what := fmt.Sprintf("%s imports %q", pass.Rel(t.Path), why)
			if t.External && t.Package != "" {
				what = fmt.Sprintf("the package %q depends on %q", t.Package, why)
			}
			report(imp.SourceSpan, Message(why)+" ("+what+".)")
		}
	}
	return nil, nil
}
