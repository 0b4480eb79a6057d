// Package usecachewithoutflag reports 'use cache' directives in an app
// whose next.config does not enable them.
package usecachewithoutflag

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/nextconfig"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "useCacheWithoutFlag",
	Doc: `'use cache' in an app whose next.config does not enable it

The 'use cache' directive works only when next.config enables it:
cacheComponents (Next.js 16; experimental.cacheComponents or its older
name experimental.dynamicIO in Next.js 15) or experimental.useCache.
Otherwise Next.js refuses to build the module. rscls reads next.config
without running it; when it cannot tell whether the flag is set, it
reports nothing.`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-cache#usage",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return rsc.MayHaveDirective(f.Src) },
	Run:      run,
}

// Message is Next.js's message for a 'use cache' directive it was not
// told to expect: Next.js 15 asks for experimental.useCache, 16 for
// cacheComponents.
func Message(directive string, major int) string {
	if major == 15 {
		return fmt.Sprintf("To use %q, please enable the experimental feature flag \"useCache\" in your Next.js config.", directive)
	}
	return fmt.Sprintf("To use %q, please enable the feature flag `cacheComponents` in your Next.js config.", directive)
}

func run(pass *analysis.Pass) (any, error) {
	if pass.File.InNodeModules {
		return nil, nil
	}
	var next *nextconfig.Config
	if pass.Config != nil {
		next = pass.Config.Next
	}
	if next == nil {
		return nil, nil // not in an app: no next.config to read
	}
	if on := next.UseCacheOn(); on == nextconfig.On || on == nextconfig.Unknown {
		return nil, nil
	}
	report := func(text string, span facts.Span) {
		pass.Report(analysis.Diagnostic{Start: span.Start, End: span.End, Message: Message(text, next.NextMajor)})
	}
	for _, d := range pass.File.Facts.Directives {
		if d.Kind == rsc.UseCache {
			report(d.Text, d.Span)
		}
	}
	for _, fn := range pass.Syntax.Funcs {
		if fn.Inherited {
			continue
		}
		for _, k := range fn.Directives {
			s := pass.Syntax.Strings[k]
			if kind, _ := rsc.ParseDirective(s.Value); kind == rsc.UseCache {
				report(s.Value, s.Span)
			}
		}
	}
	return nil, nil
}
