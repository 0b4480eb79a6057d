// Package ssrfalseinserver reports next/dynamic with ssr: false in the
// server graph.
package ssrfalseinserver

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
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
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for _, d := range pass.Module.Facts.Dynamics {
		if !d.SSRFalse {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Start: d.SSRSpan.Start, End: d.SSRSpan.End,
			Message: chains.Message("`ssr: false` is not allowed with `next/dynamic` in Server Components. Please move it into a Client Component.", graph.Server),
			Related: chains.Related(graph.Server),
		})
	}
	return nil, nil
}
