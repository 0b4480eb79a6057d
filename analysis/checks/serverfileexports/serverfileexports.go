// Package serverfileexports reports exports of a 'use server' or
// 'use cache' file that are not async functions.
package serverfileexports

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "serverFileExports",
	Doc: `a 'use server' or 'use cache' file exports something other than an async function

Every export of a 'use server' file becomes a Server Function that clients
call over the network, so it must be an async function. Next.js rejects
sync functions, literal values, classes, export * and re-exports at build
time; other non-function values (objects, instances) fail when the module
loads. A 'use cache' file has the same rule, except that it may export
plain objects and arrays.`,
	URL:      "https://nextjs.org/docs/messages/invalid-use-server-value",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return rsc.MayHaveDirective(f.Src) },
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	f := pass.File.Facts
	if f.Has(rsc.UseClient) {
		return nil, nil // conflictingDirectives reports the file
	}
	kind := rsc.NoDirective
	for _, d := range f.Directives {
		if d.Kind == rsc.UseServer || d.Kind == rsc.UseCache {
			kind = d.Kind
			break
		}
	}
	if kind == rsc.NoDirective {
		return nil, nil
	}
	onlyAsync := fmt.Sprintf(`Only async functions are allowed to be exported in a %q file.`, kind.String())
	mustBeAsync := `Server Actions must be async functions.`
	if kind == rsc.UseCache {
		mustBeAsync = `"use cache" functions must be async functions.`
	}
	url := kind.DocURL()
	for _, x := range f.Exports {
		if x.TypeOnly {
			continue
		}
		switch {
		case x.Kind == facts.ExportAll:
			pass.Report(analysis.Diagnostic{Start: x.Span.Start, End: x.Span.End, Message: onlyAsync, URL: url})
		case x.Kind == facts.ExportReExport && x.Source != "" && x.Local == "":
			pass.Report(analysis.Diagnostic{Start: x.NameSpan.Start, End: x.NameSpan.End, Message: onlyAsync, URL: url})
		case x.Kind == facts.ExportFunction || x.Value == facts.ValueFunction:
			if x.Async {
				continue
			}
			d := analysis.Diagnostic{Start: x.NameSpan.Start, End: x.NameSpan.End, Message: mustBeAsync, URL: url}
			if x.AsyncAt >= 0 {
				d.Fixes = []analysis.SuggestedFix{{ID: "makeAsync", Message: "Make the function async", Edits: []analysis.TextEdit{{Start: x.AsyncAt, End: x.AsyncAt, NewText: "async "}}}}
			}
			pass.Report(d)
		case x.Kind == facts.ExportClass || x.Value == facts.ValueClass || x.Value == facts.ValueLiteral:
			pass.Report(analysis.Diagnostic{Start: x.NameSpan.Start, End: x.NameSpan.End, Message: onlyAsync, URL: url})
		case x.Value == facts.ValueObject || x.Value == facts.ValueArray || x.Value == facts.ValueNew || x.Value == facts.ValueJSX:
			// Next's compiler lets a 'use cache' file export plain data, and
			// a 'use server' file fails when it loads: "A "use server" file
			// can only export async functions, found object."
			if kind == rsc.UseServer || x.Name == "default" {
				pass.Report(analysis.Diagnostic{Start: x.NameSpan.Start, End: x.NameSpan.End, Message: onlyAsync, URL: url})
			}
		}
	}
	return nil, nil
}
