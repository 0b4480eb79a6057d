// Package browserglobalinserver reports browser-only globals used by
// server-graph code that runs on the server.
package browserglobalinserver

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "browserGlobalInServer",
	Doc: `browser-only global (window, document, localStorage, ...) in server code

A module of the server graph runs on the server, where window, document
and the other browser globals do not exist: touching one throws a
ReferenceError. The check reports uses that run when the module loads,
and uses in the body of a component that a Server Component renders; uses
inside callbacks and effects, or after a typeof check, are left alone.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/client-components",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for _, u := range m.Facts.Globals {
		var when string
		switch {
		case u.Context == facts.AtModuleScope:
			when = "when the module loads on the server"
		case u.Context == facts.AtRender && g.Live(m, u.Stmt):
			when = "while a Server Component renders"
		default:
			continue
		}
		msg := fmt.Sprintf("%s is not defined on the server: this module is in the server graph, and this code runs %s, where browser globals throw a ReferenceError. Move it into a Client Component (\"use client\"), or into an effect or event handler of one.", u.Name, when)
		d := analysis.Diagnostic{
			Start: u.Span.Start, End: u.Span.End,
			Message: chains.Message(msg, graph.Server),
			Related: chains.Related(graph.Server),
		}
		if m.Role == project.RoleNone {
			d.Fixes = []analysis.SuggestedFix{textedit.AddUseClientFix(m.Facts)}
		}
		pass.Report(d)
	}
	return nil, nil
}
