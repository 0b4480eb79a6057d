// Package thirdpartyclientpackage reports installed packages without
// 'use client' that Server Components import but that need the client.
package thirdpartyclientpackage

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "thirdPartyClientPackage",
	Doc: `installed package that needs the client, imported from a Server Component

Many packages were written before Server Components and do not start with
'use client', yet call createContext when they load, define class
components, or use hooks in their components. Imported from a Server
Component, they fail on the server ("createContext only works in Client
Components"). The finding names the package and where it uses the API;
import it from a Client Component, or re-export it from a file of your
own that starts with 'use client'.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/composition-patterns#using-third-party-packages-and-providers",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

// clientUse is where a package needs the client.
type clientUse struct {
	module *graph.Module
	api    string
	span   facts.Span
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for i := range m.Facts.Imports {
		imp := &m.Facts.Imports[i]
		if m.Load(i) != graph.Loaded {
			continue // TypeScript erases it: nothing is loaded
		}
		t := g.Target(m, i, graph.Server)
		if t == nil || !t.External || t.Boundary || !t.In(graph.Server) {
			continue
		}
		use := findClientUse(g, t)
		if use == nil {
			continue
		}
		msg := fmt.Sprintf(`The package %q uses %s, which only works in Client Components, but it is not marked with "use client" and is imported from a Server Component module here. Import it from a Client Component module instead, or re-export it from a file of your own that starts with "use client".`, t.Package, use.api)
		related := []analysis.RelatedInformation{{
			Location: analysis.Location{Path: use.module.Path, Start: use.span.Start, End: use.span.End},
			Message:  fmt.Sprintf("%s uses %s here", pass.Rel(use.module.Path), use.api),
		}}
		pass.Report(analysis.Diagnostic{
			Start: imp.SourceSpan.Start, End: imp.SourceSpan.End,
			Message: chains.Message(msg, graph.Server),
			Related: append(related, chains.Related(graph.Server)...),
		})
	}
	return nil, nil
}

// findClientUse searches the package's server-graph modules reachable from
// entry for a client-only API that runs on the server: at load time, or
// while rendering an export the server uses.
func findClientUse(g *graph.Recorder, entry *graph.Module) *clientUse {
	seen := map[*graph.Module]bool{}
	queue := []*graph.Module{entry}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if seen[m] || m.Facts == nil {
			continue
		}
		seen[m] = true
		f := m.Facts
		for _, u := range f.APIs {
			if !rsc.IsClientOnlyAPI(f.Imports[u.Import].Source, u.Name) {
				continue
			}
			if u.Context == facts.AtModuleScope || (u.Context == facts.AtRender && g.Live(m, u.Stmt)) {
				if u.Name == "Component" || u.Name == "PureComponent" {
					return &clientUse{m, "a class component", u.Span}
				}
				return &clientUse{m, "`" + u.Name + "`", u.Span}
			}
		}
		for _, c := range f.Classes {
			if c.Ref.Kind == facts.RefImport && f.Imports[c.Ref.Import].Source == "react" &&
				(c.Ref.Imported == "Component" || c.Ref.Imported == "PureComponent") && c.Context == facts.AtModuleScope {
				return &clientUse{m, "a class component", c.Span}
			}
		}
		for i := range f.Imports {
			if t := g.Target(m, i, graph.Server); t != nil && m.Load(i) == graph.Loaded && t.External && t.Package == entry.Package && !t.Boundary && t.In(graph.Server) {
				queue = append(queue, t)
			}
		}
	}
	return nil
}
