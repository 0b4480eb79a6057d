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
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "serverOnlyInClient",
	Doc: `server-only module or API imported into the client graph

server-only, next/headers, next/root-params, after from next/server and
the revalidation and cache APIs of next/cache only work in Server
Components. Next.js refuses to build a client graph that reaches them.
The finding is reported where Next.js reports it: at the import of the
server-only module or API, in the module of the client graph that makes
it, with the chain from the client boundary. An installed package is
reported at the import that brings it in.

TypeScript erases imports used only as types before webpack checks them;
Turbopack (the default in Next.js 16) checks a module's imports as
written. Such an import is reported as failing with Turbopack only.`,
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
			msg := Message(sink)
			if env.LoadedServerOnlyImport(m, i) == "" {
				msg += " " + rsc.TurbopackOnlyImport
			}
			report(span, msg)
			continue
		}
		// The validator skips installed packages; the package's own
		// import of server-only still fails, at the import of the package.
		t := g.Target(m, i, graph.Client)
		if t == nil || !t.External || t.ServerRef || t.Boundary || m.Load(i) != graph.Loaded {
			continue
		}
		if why := env.ServerOnly(t); why != "" {
			what := fmt.Sprintf("%s imports %q", pass.Rel(t.Path), why)
			if t.Package != "" {
				what = fmt.Sprintf("the package %q depends on %q", t.Package, why)
			}
			report(imp.SourceSpan, Message(why)+" ("+what+".)")
		}
	}
	return nil, nil
}
