// Package ssrfalseinserver reports next/dynamic with ssr: false in the
// server graph.
package ssrfalseinserver

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/checks/checkutil"
	"github.com/rscls/rscls/analysis/graph"
)

var Analyzer = &analysis.Analyzer{
	Name: "ssrFalseInServer",
	Doc: `next/dynamic with ssr: false in a Server Component

ssr: false skips server rendering of a component, which only means
something in a Client Component. Next.js refuses to build a Server
Component module that uses it: move the dynamic import into a Client
Component.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/optimizing/lazy-loading#skipping-ssr",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Run:      run,
}

func run(pass *analysis.Pass) error {
	m := pass.Module
	if !m.In(graph.Server) || m.External {
		return nil
	}
	for _, d := range m.Facts.Dynamics {
		if !d.SSRFalse {
			continue
		}
		chain := pass.Graph.Chain(m, graph.Server)
		pass.Report(analysis.Diagnostic{
			Start: d.SSRSpan.Start, End: d.SSRSpan.End,
			Message: checkutil.WithChain(pass, "`ssr: false` is not allowed with `next/dynamic` in Server Components. Please move it into a Client Component.", chain),
			Related: checkutil.ChainRelated(pass, chain),
		})
	}
	return nil
}
