// Package conflictingdirectives reports a file or function that declares
// two environments at once.
package conflictingdirectives

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "conflictingDirectives",
	Doc: `both 'use client' and 'use server' (or 'use cache') in one place

A module is either a client boundary ('use client') or a module of Server
Functions ('use server', 'use cache'); a function is either a Server Action
or a cached function. Next.js refuses to build a file or function that
declares both.`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-client",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return rsc.MayHaveDirective(f.Src) },
	Run:      run,
}

type directive struct {
	kind rsc.DirectiveKind
	span facts.Span // the string literal
	stmt facts.Span
}

func run(pass *analysis.Pass) (any, error) {
	var file []directive
	for _, d := range pass.File.Facts.Directives {
		file = append(file, directive{d.Kind, d.Span, d.Stmt})
	}
	check(pass, file, "file")
	for _, fn := range pass.Syntax.Funcs {
		var list []directive
		for _, k := range fn.Directives {
			s := pass.Syntax.Strings[k]
			kind, _ := rsc.ParseDirective(s.Value)
			list = append(list, directive{kind, s.Span, s.Stmt})
		}
		check(pass, list, "function body")
	}
	return nil, nil
}

// check reports the first directive that conflicts with an earlier one.
func check(pass *analysis.Pass, list []directive, where string) {
	for i, second := range list {
		for _, first := range list[:i] {
			msg := message(first.kind, second.kind, where)
			if msg == "" {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Start: second.span.Start, End: second.span.End, Message: msg,
				URL:     rsc.UseClient.DocURL(),
				Related: []analysis.RelatedInformation{{Location: analysis.Location{Path: pass.File.Path, Start: first.span.Start, End: first.span.End}, Message: fmt.Sprintf("%q is declared here", first.kind.String())}},
				Fixes: []analysis.SuggestedFix{
					{ID: "removeDirective", Message: fmt.Sprintf("Remove %q", second.kind.String()), Edits: []analysis.TextEdit{textedit.DeleteStatement(pass.File.Src, second.stmt)}},
					{ID: "removeDirective", Message: fmt.Sprintf("Remove %q", first.kind.String()), Edits: []analysis.TextEdit{textedit.DeleteStatement(pass.File.Src, first.stmt)}},
				},
			})
			return
		}
	}
}

func message(a, b rsc.DirectiveKind, where string) string {
	if a > b {
		a, b = b, a
	}
	switch {
	case a == rsc.UseClient && b == rsc.UseServer:
		return `It's not possible to have both "use client" and "use server" directives in the same file.`
	case a == rsc.UseClient && b == rsc.UseCache:
		return `It's not possible to have both "use client" and "use cache" directives in the same file.`
	case a == rsc.UseServer && b == rsc.UseCache:
		return fmt.Sprintf(`Conflicting directives "use server" and "use cache" found in the same %s. You cannot place both directives at the top of a %s. Please remove one of them.`, where, where)
	}
	return ""
}
