// Package taintwithoutflag reports React's taint APIs in an app whose
// next.config does not enable experimental.taint.
package taintwithoutflag

import (
	"bytes"
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/nextconfig"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "taintWithoutFlag",
	Doc: `React taint API imported in an app without experimental.taint

experimental_taintObjectReference and experimental_taintUniqueValue work
only when next.config sets experimental.taint; otherwise Next.js refuses
to build a module that imports them. rscls reads next.config without
running it; when it cannot tell whether the flag is set, it reports
nothing.`,
	URL:      "https://nextjs.org/docs/app/api-reference/config/next-config-js/taint",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	// The APIs are all named experimental_taint...
	Wants: func(f *analysis.File, _ *analysis.Config) bool {
		return bytes.Contains(f.Src, []byte("experimental_taint"))
	},
	Run: run,
}

// Message is Next.js's message for a taint API without the flag.
func Message(name string) string {
	return fmt.Sprintf("You're importing `%s` from React which requires `experimental.taint: true` in your Next.js config.", name)
}

func run(pass *analysis.Pass) (any, error) {
	if pass.File.InNodeModules || pass.Config == nil || pass.Config.Next == nil {
		return nil, nil
	}
	if on := pass.Config.Next.TaintOn(); on == nextconfig.On || on == nextconfig.Unknown {
		return nil, nil
	}
	for _, imp := range pass.File.Facts.Imports {
		if imp.TypeOnly || imp.Kind != facts.ImportStatic {
			continue
		}
		for _, n := range imp.Names {
			if !n.TypeOnly && rsc.Lookup(rsc.NeedsTaint, imp.Source, n.Imported) != nil {
				pass.Report(analysis.Diagnostic{Start: n.Span.Start, End: n.Span.End, Message: Message(n.Imported)})
			}
		}
	}
	return nil, nil
}
