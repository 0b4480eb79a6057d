// Package browserglobalinserver reports browser-only globals used by
// server-graph code that runs on the server.
package browserglobalinserver

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "browserGlobalInServer",
	Doc: `browser-only global (window, document, localStorage, ...) in server code

A module of the server graph runs on the server, where window, document
and the other browser globals do not exist: touching one throws a
ReferenceError. The check reports uses that run when the module loads,
uses in the body of a component that a Server Component renders, and uses
in a function that such code calls (in the same module or imported, up to
four calls deep), when neither the call nor the use is under a
condition. Client Components render on the server too: when a Server
Component renders a component of a 'use client' module, uses at the
module's top level, at the top level of the modules it loads with its
imports (static ones TypeScript does not erase, not import()), and in
the body of that component are reported as well, unless the component
first calls a hook that may suspend or bail out of server rendering
(use, useSearchParams, a custom hook; React's useState, useEffect and
the like do neither). Uses inside callbacks, event handlers and effects,
or after a typeof check, are left alone, and so are functions only they
call.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/client-components",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server, graph.Client},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	if pass.Env == graph.Client {
		return nil, serverRendered(pass)
	}
	m := pass.Module
	g := pass.Graph
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for _, u := range m.Facts.Globals {
		var when string
		switch {
		case u.Context == facts.AtModuleScope:
			when = "when the module loads on the server"
		case u.Context == facts.AtRender && g.Live(m, u.Stmt):
			when = "while a Server Component renders"
		case u.Context == facts.Deferred && u.Func != "" && u.EveryCall:
			c := (&calls{pass: pass, seen: map[funcKey]bool{}}).local(m, u.Func, 0)
			if c == "" {
				continue
			}
			when = c
		default:
			continue
		}
		msg := fmt.Sprintf("%s is not defined on the server: this module is in the server graph, and this code runs %s, where browser globals throw a ReferenceError. Move it into a Client Component (\"use client\"), or into an effect or event handler of one.", u.Name, when)
		d := analysis.Diagnostic{
			Start: u.Span.Start, End: u.Span.End,
			Message: chains.Message(msg, graph.Server),
			Related: chains.Related(graph.Server),
		}
		if m.Role == project.RoleNone && u.Context != facts.Deferred {
			d.Fixes = []analysis.SuggestedFix{textedit.AddUseClientFix(m.Facts)}
		}
		pass.Report(d)
	}
	return nil, nil
}

// maxCallDepth bounds how many calls away from rendering code a use is
// looked for.
const maxCallDepth = 4

type funcKey struct {
	m    *graph.Module
	name string
}

// calls finds, for a function of a module of the server graph, a call of
// it that runs on the server: at module scope, or while a Server Component
// renders, directly or through other functions.
type calls struct {
	pass *analysis.Pass
	seen map[funcKey]bool
}

// local says when the module-scope function name of m is called on the
// server ("while a Server Component renders (page.tsx calls f)"), or "".
func (c *calls) local(m *graph.Module, name string, depth int) string {
	k := funcKey{m, name}
	if depth > maxCallDepth || c.seen[k] {
		return ""
	}
	c.seen[k] = true
	for i := range m.Facts.Calls {
		call := &m.Facts.Calls[i]
		if call.Ref.Kind == facts.RefLocalFunction && call.Ref.Name == name {
			if when := c.at(m, call, name, depth); when != "" {
				return when
			}
		}
	}
	var exported []string
	for _, x := range m.Facts.Exports {
		if x.Kind != facts.ExportReExport && !x.TypeOnly && (x.Local == name || (x.Local == "" && x.Name == name)) {
			exported = append(exported, x.Name)
		}
	}
	return c.exported(m, exported, depth)
}

// exported says when an importer of m calls one of the names m exports
// on the server, looking through modules that re-export them.
func (c *calls) exported(m *graph.Module, names []string, depth int) string {
	if len(names) == 0 || depth > maxCallDepth {
		return ""
	}
	for _, e := range c.pass.Graph.Importers(m, graph.Server) {
		im := e.From
		if im.Facts == nil {
			continue
		}
		imp := &im.Facts.Imports[e.Import]
		switch imp.Kind {
		case facts.ImportExportAll:
			if len(imp.Names) == 0 { // export * from: the same names
				if when := c.exported(im, names, depth+1); when != "" {
					return when
				}
			}
			continue
		case facts.ImportReExport:
			var again []string
			for _, x := range im.Facts.Exports {
				if x.Kind == facts.ExportReExport && x.Source == imp.Source && contains(names, x.Imported) {
					again = append(again, x.Name)
				}
			}
			if when := c.exported(im, again, depth+1); when != "" {
				return when
			}
			continue
		}
		for i := range im.Facts.Calls {
			call := &im.Facts.Calls[i]
			if call.Ref.Kind == facts.RefImport && call.Ref.Import == e.Import && contains(names, call.Ref.Imported) {
				if when := c.at(im, call, call.Ref.Name, depth); when != "" {
					return when
				}
			}
		}
	}
	return ""
}

// at says when call, in module m, runs on the server, or "". Calls that
// some runs skip (under a condition, after a return) are not followed:
// the condition is often the code's own test of where it runs.
func (c *calls) at(m *graph.Module, call *facts.Call, callee string, depth int) string {
	if !call.EveryCall {
		return ""
	}
	by := fmt.Sprintf(" (%s calls %s", c.pass.Rel(m.Path), callee)
	switch call.Context {
	case facts.AtModuleScope:
		return "when a module of the server graph loads" + by + " at module scope)"
	case facts.AtRender:
		if c.pass.Graph.Live(m, call.Stmt) {
			return "while a Server Component renders" + by + " while it renders)"
		}
	case facts.Deferred:
		if call.Caller != "" {
			if when := c.local(m, call.Caller, depth+1); when != "" {
				return strings.TrimSuffix(when, ")") + fmt.Sprintf(", %s calls %s)", call.Caller, callee)
			}
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// serverRendered reports browser globals read in a 'use client' module
// when a Server Component renders one of its components: the server
// renders it too (server-side rendering, and prerendering at build time),
// loading the module first, so the read throws there (oracle:
// browser-global-client-render, browser-global-client-module-level).
// Reads at module scope run when the module loads; reads in the body of
// the rendered component run when it renders (oracle:
// browser-global-client-render-with-hook, past a useState). Components
// only other Client Components render are left alone: they may be
// rendered only in the browser (next/dynamic with ssr: false, after
// mounting). So are reads that some loads or renders skip (under a
// condition, after a return) and components that call a hook other than
// react's plain ones (use, useSearchParams, custom hooks), which may
// suspend or bail out of server rendering: real apps read window behind
// their own state (an error a query sets in the browser), imported
// canUseDOM flags and search params, and build.
func serverRendered(pass *analysis.Pass) error {
	reported := map[facts.Span]bool{}
	if pass.Module.Boundary {
		renderedBoundary(pass, reported)
	}
	loadedModule(pass, reported)
	return nil
}

// renderedBoundary reports the reads of a 'use client' module a Server
// Component renders, and notes them in reported.
func renderedBoundary(pass *analysis.Pass, reported map[facts.Span]bool) {
	m := pass.Module
	for _, u := range m.Facts.Globals {
		var names []string
		switch {
		case u.Context == facts.AtModuleScope && u.EveryCall:
			names = loadingExports(m)
		case u.Context == facts.AtRender && u.EveryRender:
			for _, x := range m.Facts.Exports {
				if x.Stmt == u.Stmt && !x.TypeOnly && x.Kind != facts.ExportReExport {
					names = append(names, x.Name)
				}
			}
		default:
			continue
		}
		el, im := renderedByServer(pass, m, names)
		if el == nil {
			continue
		}
		rel := pass.Rel(im.Path)
		msg := fmt.Sprintf("%s is not defined on the server: <%s> is a Client Component that %s renders, and Client Components also render on the server (server-side rendering, and prerendering at build time), where browser globals throw a ReferenceError. Read it in an effect or an event handler, or after a typeof %s check.", u.Name, el.Tag, rel, u.Name)
		if u.Context == facts.AtModuleScope {
			msg = fmt.Sprintf("%s is not defined on the server: this code runs when this 'use client' module loads, and it loads on the server too, because %s renders <%s> from it and Client Components also render on the server (server-side rendering, and prerendering at build time), where browser globals throw a ReferenceError. Read it in an effect or an event handler, or after a typeof %s check.", u.Name, rel, el.Tag, u.Name)
		}
		reported[u.Span] = true
		pass.Report(analysis.Diagnostic{
			Start: u.Span.Start, End: u.Span.End,
			Message: msg,
			Related: []analysis.RelatedInformation{{
				Location: analysis.Location{Path: im.Path, Start: el.TagSpan.Start, End: el.TagSpan.End},
				Message:  fmt.Sprintf("%s renders <%s> here", rel, el.Tag),
			}},
		})
	}
}

// loadedModule reports reads at the top level of a module that a
// rendered Client Component's module loads with its imports (oracle:
// browser-global-client-imported-module-level), but for those reported
// already. A module of the server graph has them reported there.
func loadedModule(pass *analysis.Pass, reported map[facts.Span]bool) {
	m := pass.Module
	var load *loader
	for _, u := range m.Facts.Globals {
		if u.Context != facts.AtModuleScope || !u.EveryCall || reported[u.Span] || m.In(graph.Server) {
			continue
		}
		if load == nil {
			load = loadedWith(pass, m)
		}
		if load.el == nil {
			return
		}
		rel, via, boundary := pass.Rel(load.renderer.Path), pass.Rel(load.importer.Path), pass.Rel(load.boundary.Path)
		how := fmt.Sprintf("%s imports it", via)
		if load.importer != load.boundary {
			how = fmt.Sprintf("%s imports it, and %s loads that with its imports", via, boundary)
		}
		pass.Report(analysis.Diagnostic{
			Start: u.Span.Start, End: u.Span.End,
			Message: fmt.Sprintf("%s is not defined on the server: this code runs when this module loads, and it loads on the server too: %s, and %s renders <%s> from the 'use client' module %s; Client Components also render on the server (server-side rendering, and prerendering at build time), where browser globals throw a ReferenceError. Read it in an effect or an event handler, or after a typeof %s check.", u.Name, how, rel, load.el.Tag, boundary, u.Name),
			Related: []analysis.RelatedInformation{
				{Location: analysis.Location{Path: load.importer.Path, Start: load.imp.SourceSpan.Start, End: load.imp.SourceSpan.End}, Message: fmt.Sprintf("%s imports %s here", via, pass.Rel(m.Path))},
				{Location: analysis.Location{Path: load.renderer.Path, Start: load.el.TagSpan.Start, End: load.el.TagSpan.End}, Message: fmt.Sprintf("%s renders <%s> here", rel, load.el.Tag)},
			},
		})
	}
}

// loadingExports lists the exports of a module whose use loads it: all
// but types.
func loadingExports(m *graph.Module) []string {
	var names []string
	for _, x := range m.Facts.Exports {
		if !x.TypeOnly {
			names = append(names, x.Name)
		}
	}
	return names
}

// loader is how a module gets loaded on the server: importer loads it
// with its imports, and so on up to the 'use client' module boundary,
// of which renderer renders el while a Server Component renders.
type loader struct {
	importer, boundary, renderer *graph.Module
	imp                          *facts.Import
	el                           *facts.JSXElement
}

// loadedWith walks up the importers of m in the client graph, through
// imports every bundler evaluates when the importer loads (static
// imports and re-exports that are not erased), to a 'use client' module
// that a Server Component renders. el is nil when there is none.
func loadedWith(pass *analysis.Pass, m *graph.Module) *loader {
	type step struct {
		m     *graph.Module
		first graph.Edge // the edge into the module the walk started at
	}
	seen := map[*graph.Module]bool{m: true}
	queue := []step{{m: m}}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, e := range pass.Graph.Importers(cur.m, graph.Client) {
			from := e.From
			if from.Facts == nil || seen[from] || e.Import < 0 || e.Import >= len(from.Facts.Imports) {
				continue
			}
			imp := &from.Facts.Imports[e.Import]
			switch imp.Kind {
			case facts.ImportStatic, facts.ImportReExport, facts.ImportExportAll:
			default:
				continue // import() and require() load when they run
			}
			if imp.TypeOnly || from.Load(e.Import) != graph.Loaded {
				continue
			}
			seen[from] = true
			first := cur.first
			if cur.m == m {
				first = e
			}
			if from.Boundary {
				if el, im := renderedByServer(pass, from, loadingExports(from)); el != nil {
					return &loader{importer: first.From, imp: &first.From.Facts.Imports[first.Import], boundary: from, renderer: im, el: el}
				}
			}
			queue = append(queue, step{m: from, first: first})
		}
	}
	return &loader{}
}

// renderedByServer finds a JSX element of a module of the server graph,
// rendered while a Server Component renders, whose tag is one of the
// given exports of m.
func renderedByServer(pass *analysis.Pass, m *graph.Module, names []string) (*facts.JSXElement, *graph.Module) {
	if len(names) == 0 {
		return nil, nil
	}
	for _, e := range pass.Graph.Importers(m, graph.Server) {
		im := e.From
		if im.Facts == nil {
			continue
		}
		for i := range im.Facts.JSX {
			el := &im.Facts.JSX[i]
			if !el.Intrinsic && el.Ref.Kind == facts.RefImport && el.Ref.Import == e.Import && contains(names, el.Ref.Imported) &&
				el.Context == facts.AtRender && pass.Graph.Live(im, el.Stmt) {
				return el, im
			}
		}
	}
	return nil, nil
}
