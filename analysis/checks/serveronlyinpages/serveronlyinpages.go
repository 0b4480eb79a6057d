// Package serveronlyinpages reports server-only modules and APIs imported
// by modules of the Pages Router.
package serveronlyinpages

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "serverOnlyInPages",
	Doc: `server-only module or API imported by a page of the Pages Router

server-only, next/headers, next/root-params, after from next/server and
the cache APIs of next/cache only work in Server Components, which only
the App Router has. Next.js refuses to build a page of pages/ that
imports them, directly or through its imports, even when only
getServerSideProps uses them. The finding is reported at the import, in
the module that makes it, with the chain from the page. API routes
(pages/api) are not pages and may import them.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/server-components",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Run:      run,
}

// Message is Next.js's message for server-only code in the Pages Router.
func Message(what string) string {
	return fmt.Sprintf("You're importing a module that depends on %q. This API is only available in Server Components in the App Router, but you are using it in the Pages Router.", what)
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	if !m.InPages() || m.Facts == nil {
		return nil, nil
	}
	g := pass.Graph
	f := m.Facts
	var chain []graph.Step
	report := func(span facts.Span, msg string) {
		if chain == nil {
			chain = g.PagesChain(m)
		}
		d := analysis.Diagnostic{Start: span.Start, End: span.End, Message: msg}
		if len(chain) > 1 {
			parts := make([]string, len(chain))
			for i, s := range chain {
				parts[i] = pass.Rel(s.Module.Path)
			}
			d.Message += "\nImport chain: " + strings.Join(parts, " → ")
		}
		for i, s := range chain {
			if i == 0 {
				d.Related = append(d.Related, analysis.RelatedInformation{
					Location: analysis.Location{Path: s.Module.Path},
					Message:  pass.Rel(s.Module.Path) + " is a page of the Pages Router",
				})
				continue
			}
			prev := chain[i-1].Module
			imp := &prev.Facts.Imports[s.Import]
			d.Related = append(d.Related, analysis.RelatedInformation{
				Location: analysis.Location{Path: prev.Path, Start: imp.SourceSpan.Start, End: imp.SourceSpan.End},
				Message:  "imports " + pass.Rel(s.Module.Path),
			})
		}
		pass.Report(d)
	}
	for i := range f.Imports {
		imp := &f.Imports[i]
		if imp.TypeOnly || imp.Kind == facts.ImportDynamic || imp.Kind == facts.ImportRequire {
			continue // Next.js's compiler looks at import declarations only
		}
		if sink, named := serverOnly(imp); sink != "" {
			span := imp.SourceSpan
			if named != nil {
				span = named.Span
			}
			report(span, Message(sink))
			continue
		}
		// An installed package that imports server-only: the package's
		// module is not checked, but server-only itself refuses to be
		// bundled for pages.
		t := g.Target(m, i, graph.Client)
		if t != nil && t.External && t.Package != "" && dependsOnServerOnly(g, t, map[*graph.Module]bool{}) {
			report(imp.SourceSpan, Message("server-only")+fmt.Sprintf(" (the package %q imports it.)", t.Package))
		}
	}
	return nil, nil
}

// serverOnly returns what makes an import server-only for Next.js: a module
// or a named API of rsc.APIs. The serverOnlyModules setting does not
// apply: getServerSideProps may import server code, and Next.js does not
// know those modules.
func serverOnly(imp *facts.Import) (string, *facts.ImportName) {
	if rsc.Lookup(rsc.ServerOnly, imp.Source, "") != nil {
		return imp.Source, nil
	}
	for i := range imp.Names {
		n := &imp.Names[i]
		if !n.TypeOnly && rsc.IsServerOnlyAPI(imp.Source, n.Imported) {
			return n.Imported, n
		}
	}
	return "", nil
}

// dependsOnServerOnly reports whether an installed package's module, or
// one of the package's own modules it imports, imports server-only.
func dependsOnServerOnly(g *graph.Recorder, m *graph.Module, seen map[*graph.Module]bool) bool {
	if m.Facts == nil || seen[m] || m.ServerRef || m.Boundary {
		return false
	}
	seen[m] = true
	for i := range m.Facts.Imports {
		imp := &m.Facts.Imports[i]
		if !imp.TypeOnly && imp.Source == "server-only" {
			return true
		}
	}
	for i := range m.Facts.Imports {
		t := g.Target(m, i, graph.Client)
		if t != nil && t.External && t.Package == m.Package && dependsOnServerOnly(g, t, seen) {
			return true
		}
	}
	return false
}
