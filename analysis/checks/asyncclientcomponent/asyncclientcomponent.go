// Package asyncclientcomponent reports async function components exported
// from a 'use client' module.
package asyncclientcomponent

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "asyncClientComponent",
	Doc: `async component exported from a 'use client' module

Only Server Components can be async. An async component in a 'use client'
module builds and prerenders, but React refuses it in some client renders
(when it suspends again and again without a Suspense boundary); this
usually means 'use client' was added to a module written for the server.
A warning, since the build does not fail.`,
	URL:      "https://nextjs.org/docs/messages/no-async-client-component",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityWarning,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return rsc.MayHaveDirective(f.Src) },
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	f := pass.File.Facts
	if !f.Has(rsc.UseClient) || f.Has(rsc.UseServer) {
		return nil, nil
	}
	for _, x := range f.Exports {
		if x.TypeOnly || !x.Async || x.Generator || (x.Kind != facts.ExportFunction && x.Value != facts.ValueFunction) {
			continue
		}
		component := rsc.IsComponentName(x.Name)
		if x.Name == "default" {
			component = x.Local == "" || rsc.IsComponentName(x.Local)
		}
		if !component {
			continue
		}
		d := analysis.Diagnostic{
			Start: x.NameSpan.Start, End: x.NameSpan.End,
			Message: "This async Client Component builds, but React refuses it in some client renders: async/await is not yet supported in Client Components, only Server Components. This is often caused by accidentally adding `'use client'` to a module that was originally written for the server.",
		}
		for _, md := range f.Directives {
			if md.Kind == rsc.UseClient {
				d.Related = append(d.Related, analysis.RelatedInformation{
					Location: analysis.Location{Path: pass.File.Path, Start: md.Span.Start, End: md.Span.End},
					Message:  `the module is a Client Component module because of this "use client"`,
				})
			}
		}
		pass.Report(d)
	}
	return nil, nil
}
