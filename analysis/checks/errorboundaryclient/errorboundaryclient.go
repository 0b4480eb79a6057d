// Package errorboundaryclient reports App Router error files that are not
// Client Components.
package errorboundaryclient

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "errorBoundaryClient",
	Doc: `error.tsx or global-error.tsx without 'use client'

An App Router error file is rendered by a React error boundary, which only
exists in the browser, so the file must start with 'use client'. Next.js
refuses to build it otherwise.`,
	URL:      "https://nextjs.org/docs/app/api-reference/file-conventions/error",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants: func(f *analysis.File, _ *analysis.Config) bool {
		return f.Role == project.RoleError || f.Role == project.RoleGlobalError
	},
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	file := pass.File
	if file.Role != project.RoleError && file.Role != project.RoleGlobalError {
		return nil, nil
	}
	if file.Facts.Has(rsc.UseClient) {
		return nil, nil
	}
	start, end := file.Facts.FirstStmt, file.Facts.FirstStmt
	if start < len(file.Src) {
		end = start
		for end < len(file.Src) && file.Src[end] != '\n' {
			end++
		}
	} else {
		start, end = 0, 0
	}
	pass.Report(analysis.Diagnostic{
		Start: start, End: end, URL: rsc.UseClient.DocURL(),
		Message: file.Rel + ` must be a Client Component. Add the "use client" directive at the top of the file to resolve this issue.`,
		Fixes: []analysis.SuggestedFix{{
			ID:      analysis.FixAddUseClient,
			Message: `Add "use client" at the top of the file`,
			Edits:   []analysis.TextEdit{textedit.InsertDirective(file.Facts, "use client")},
		}},
	})
	return nil, nil
}
