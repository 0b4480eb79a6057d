// Package eventhandlerinserver reports event handlers on elements that a
// Server Component renders.
package eventhandlerinserver

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "eventHandlerInServer",
	Doc: `event handler on an element rendered by a Server Component

A Server Component's output is sent to the browser as data, and a
function cannot be: React fails with "Event handlers cannot be passed to
Client Component props" when a Server Component renders <button
onClick={...}>. Interactive elements belong in a Client Component.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/composition-patterns#moving-client-components-down-the-tree",
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
	for _, el := range m.Facts.JSX {
		if !el.Intrinsic || len(el.Handlers) == 0 || !g.Live(m, el.Stmt) {
			continue
		}
		for _, h := range el.Handlers {
			msg := fmt.Sprintf("Event handlers cannot be passed to Client Component props. <%s %s={...}> is rendered by a Server Component, so its handler would have to be sent to the browser. If you need interactivity, consider converting part of this to a Client Component.", el.Tag, h.Name)
			d := analysis.Diagnostic{
				Start: h.Span.Start, End: h.Span.End,
				Message: chains.Message(msg, graph.Server),
				Related: chains.Related(graph.Server),
			}
			if m.Role == project.RoleNone {
				d.Fixes = []analysis.SuggestedFix{textedit.AddUseClientFix(m.Facts)}
			}
			pass.Report(d)
		}
	}
	return nil, nil
}
