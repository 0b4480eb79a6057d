// Package pagesrouterexport reports Pages Router data fetching exports in
// App Router pages, layouts and route handlers.
package pagesrouterexport

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/project"
)

var Analyzer = &analysis.Analyzer{
	Name: "pagesRouterExport",
	Doc: `getServerSideProps or getStaticProps in the app directory

The App Router fetches data in Server Components; getServerSideProps and
getStaticProps belong to the Pages Router and are never called from app/.
Next.js refuses to build a page, layout or route that exports them.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/data-fetching",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants: func(f *analysis.File, _ *analysis.Config) bool {
		return f.Role == project.RolePage || f.Role == project.RoleLayout || f.Role == project.RoleRoute
	},
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	switch pass.File.Role {
	case project.RolePage, project.RoleLayout, project.RoleRoute:
	default:
		return nil, nil
	}
	for _, x := range pass.File.Facts.Exports {
		if x.TypeOnly || (x.Name != "getServerSideProps" && x.Name != "getStaticProps") {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Start: x.NameSpan.Start, End: x.NameSpan.End,
			Message: fmt.Sprintf(`%q is not supported in app/.`, x.Name),
		})
	}
	return nil, nil
}
