// Package serverfunctioninclient reports inline 'use server' and
// 'use cache' functions defined in a 'use client' module.
package serverfunctioninclient

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "serverFunctionInClient",
	Doc: `inline 'use server' or 'use cache' function in a 'use client' module

Code in a 'use client' module is bundled for the browser, so a Server
Function cannot be defined inline there. Export it from a separate file
that starts with 'use server', or pass it down through props from a Server
Component.`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-server#using-server-functions-in-a-client-component",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return rsc.MayHaveDirective(f.Src) },
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	f := pass.File.Facts
	if !f.Has(rsc.UseClient) || f.Has(rsc.UseServer) || f.Has(rsc.UseCache) {
		return nil, nil
	}
	for _, fn := range pass.Syntax.Funcs {
		if fn.Inherited || len(fn.Directives) == 0 {
			continue
		}
		var dir facts.StringStmt
		for _, k := range fn.Directives {
			if kind, _ := rsc.ParseDirective(pass.Syntax.Strings[k].Value); kind == fn.Directive {
				dir = pass.Syntax.Strings[k]
				break
			}
		}
		msg := "It is not allowed to define inline \"use server\" annotated Server Actions in Client Components.\nTo use Server Actions in a Client Component, you can either export them from a separate file with \"use server\" at the top, or pass them down through props from a Server Component."
		if fn.Directive == rsc.UseCache {
			msg = "It is not allowed to define inline \"use cache\" annotated functions in Client Components.\nTo use \"use cache\" functions in a Client Component, you can either export them from a separate file with \"use cache\" or \"use server\" at the top, or pass them down through props from a Server Component."
		}
		d := analysis.Diagnostic{Start: dir.Span.Start, End: dir.Span.End, Message: msg}
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
