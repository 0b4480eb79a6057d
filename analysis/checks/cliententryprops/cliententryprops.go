// Package cliententryprops warns about function-typed props of components
// exported by a 'use client' module that Server Components import.
package cliententryprops

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/project"
)

var Analyzer = &analysis.Analyzer{
	Name: "clientEntryProps",
	Doc: `function-typed prop of a Client Component that Server Components import

A Server Component can only pass a function to a Client Component if it
is a Server Function. Next.js's TypeScript plugin warns about every
function-typed prop of every 'use client' export, which is noise for
components only ever rendered by other Client Components; this check warns
only when a server-graph module imports the file, and says which one. A
prop named action, or ending in Action, is taken to be a Server Function.`,
	URL:          "https://nextjs.org/docs/app/api-reference/directives/use-client#serializable-props",
	Scope:        analysis.GraphScope,
	Severity:     analysis.SeverityWarning,
	FileFact:     fileFact,
	FileFactType: reflect.TypeFor[*Props](),
	Run:          run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	props, _ := pass.FileFact(m).(*Props)
	if !m.Boundary || props == nil {
		return nil, nil
	}
	// Which components do Server Components import, and where.
	importedBy := map[string]graph.Edge{}
	for _, e := range pass.Graph.Importers(m, graph.Server) {
		imp := &e.From.Facts.Imports[e.Import]
		if imp.Kind != facts.ImportStatic && imp.Kind != facts.ImportReExport {
			continue // a dynamic import renders whatever it renders, without props we can see
		}
		for k := range imp.Names {
			n := &imp.Names[k]
			if !e.From.NameLoaded(e.Import, n) {
				continue // a type, or a name TypeScript drops
			}
			if _, ok := importedBy[n.Imported]; !ok {
				importedBy[n.Imported] = e
			}
		}
	}
	errorFile := m.Role == project.RoleError || m.Role == project.RoleGlobalError
	for _, p := range props.List {
		if p.Prop == "action" || (strings.HasSuffix(p.Prop, "Action") && len(p.Prop) > len("Action")) || (errorFile && p.Prop == "reset") {
			continue
		}
		e, ok := importedBy[p.Component]
		if !ok {
			if e, ok = importedBy["*"]; !ok {
				continue // no Server Component imports this component
			}
		}
		msg := fmt.Sprintf(`Props must be serializable for components in the "use client" entry file. %q is a function that's not a Server Action. Rename %q either to "action" or have its name end with "Action" e.g. "%sAction" to indicate it is a Server Action.`, p.Prop, p.Prop, p.Prop)
		if p.Class {
			msg = fmt.Sprintf(`Props must be serializable for components in the "use client" entry file, %q is invalid.`, p.Prop)
		}
		imp := &e.From.Facts.Imports[e.Import]
		pass.Report(analysis.Diagnostic{
			Start: p.Span.Start, End: p.Span.End,
			Message: msg + fmt.Sprintf(" (%s imports %s from the server graph.)", pass.Rel(e.From.Path), componentName(p.Component)),
			Related: []analysis.RelatedInformation{{
				Location: analysis.Location{Path: e.From.Path, Start: imp.SourceSpan.Start, End: imp.SourceSpan.End},
				Message:  fmt.Sprintf("%s, a Server Component module, imports %s", pass.Rel(e.From.Path), componentName(p.Component)),
			}},
		})
	}
	return nil, nil
}

func componentName(export string) string {
	if export == "default" {
		return "the default export"
	}
	return export
}
