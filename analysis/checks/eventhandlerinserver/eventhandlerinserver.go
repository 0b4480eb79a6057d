// Package eventhandlerinserver reports event handlers on elements that a
// Server Component renders.
package eventhandlerinserver

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/checks/checkutil"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/project"
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
	Run:      run,
}

func run(pass *analysis.Pass) error {
	m := pass.Module
	if !m.In(graph.Server) || m.External {
		return nil
	}
	g := pass.Graph
	var chain []graph.Step
	for _, el := range m.Facts.JSX {
		if !el.Intrinsic || len(el.Handlers) == 0 || !g.Live(m, el.Stmt) {
			continue
		}
		if chain == nil {
			chain = g.Chain(m, graph.Server)
		}
		for _, h := range el.Handlers {
			msg := fmt.Sprintf("Event handlers cannot be passed to Client Component props. <%s %s={...}> is rendered by a Server Component, so its handler would have to be sent to the browser. If you need interactivity, consider converting part of this to a Client Component.", el.Tag, h.Name)
			d := analysis.Diagnostic{
				Start: h.Span.Start, End: h.Span.End,
				Message: checkutil.WithChain(pass, msg, chain),
				Related: checkutil.ChainRelated(pass, chain),
			}
			if m.Role == project.RoleNone {
				d.Fixes = []analysis.SuggestedFix{checkutil.AddUseClientFix(m.Facts)}
			}
			pass.Report(d)
		}
	}
	return nil
}
