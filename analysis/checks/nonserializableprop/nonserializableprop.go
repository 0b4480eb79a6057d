// Package nonserializableprop reports props that a Server Component passes
// to a Client Component but React cannot serialize.
package nonserializableprop

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "nonSerializableProp",
	Doc: `non-serializable prop passed from a Server Component to a Client Component

Props that cross from a Server Component to a Client Component are
serialized. Primitives, plain objects and arrays, Date, Map, Set, BigInt,
typed arrays, Promises, JSX and Server Functions cross; other functions,
class instances and symbols other than Symbol.for(...) do not, and React
fails at render time. The check looks at each element a server-graph
module renders whose component resolves (through imports, re-exports and
barrels) to a 'use client' module.`,
	URL:      "https://react.dev/reference/rsc/use-client#serializable-types",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	f := m.Facts
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for _, el := range f.JSX {
		if el.Intrinsic || el.Ref.Kind != facts.RefImport || len(el.Props) == 0 || !g.Live(m, el.Stmt) {
			continue
		}
		t := g.Target(m, el.Ref.Import, graph.Server)
		if t == nil {
			continue
		}
		_, _, boundary, _ := g.Origin(t, el.Ref.Imported, graph.Server)
		if boundary == nil {
			continue // a Server Component: its props never leave the server
		}
		for _, p := range el.Props {
			what := problem(g, m, p)
			if what == "" {
				continue
			}
			prop := p.Name + p.Path
			var msg string
			switch {
			case what == "instance":
				msg = fmt.Sprintf("Only plain objects, and a few built-ins, can be passed to Client Components from Server Components. Classes or null prototypes are not supported. Prop %q of <%s> is an instance of %s.", prop, el.Tag, p.Ref.Name)
			case what == "symbol":
				msg = fmt.Sprintf("Only global symbols received from Symbol.for(...) can be passed to Client Components. Prop %q of <%s> is a local symbol.", prop, el.Tag)
			case rsc.IsEventHandlerName(p.Name) && p.Path == "":
				msg = fmt.Sprintf("Event handlers cannot be passed to Client Component props. Prop %q of <%s> is %s. If you need interactivity, consider converting part of this to a Client Component.", prop, el.Tag, what)
			default:
				msg = fmt.Sprintf("Functions cannot be passed directly to Client Components unless you explicitly expose it by marking it with \"use server\". Prop %q of <%s> is %s.", prop, el.Tag, what)
			}
			related := []analysis.RelatedInformation{{
				Location: directiveLocation(boundary),
				Message:  fmt.Sprintf("<%s> is a Client Component: %s starts with \"use client\"", el.Tag, pass.Rel(boundary.Path)),
			}}
			pass.Report(analysis.Diagnostic{
				Start: p.Span.Start, End: p.Span.End,
				Message: chains.Message(msg, graph.Server),
				Related: append(related, chains.Related(graph.Server)...),
			})
		}
	}
	return nil, nil
}

// directiveLocation returns where a module says 'use client'.
func directiveLocation(m *graph.Module) analysis.Location {
	loc := analysis.Location{Path: m.Path}
	if d := m.Facts.Directive(rsc.UseClient); d != nil {
		loc.Start, loc.End = d.Span.Start, d.Span.End
	}
	return loc
}

// problem describes what is wrong with a prop value ("a function", "a
// class", "instance", "symbol"), or "" when it crosses fine or the graph
// cannot tell.
func problem(g *graph.Recorder, m *graph.Module, p facts.JSXProp) string {
	switch p.Problem {
	case facts.ProblemFunction:
		if p.Ref.Name != "" {
			return fmt.Sprintf("the function %s, which is not a Server Function", p.Ref.Name)
		}
		return "a function"
	case facts.ProblemClass:
		return "a class"
	case facts.ProblemInstance:
		return "instance"
	case facts.ProblemSymbol:
		return "symbol"
	case facts.ProblemMaybeImport:
		t := g.Target(m, p.Ref.Import, graph.Server)
		if t == nil {
			return ""
		}
		_, x, boundary, serverRef := g.Origin(t, p.Ref.Imported, graph.Server)
		if x == nil || serverRef != nil || boundary != nil || x.ServerFn {
			return "" // unknown, a Server Function, or a client reference
		}
		switch {
		case x.Kind == facts.ExportClass || x.Value == facts.ValueClass:
			return fmt.Sprintf("the class %s", p.Ref.Name)
		case x.Kind == facts.ExportFunction || x.Value == facts.ValueFunction:
			return fmt.Sprintf("the function %s, which is not a Server Function", p.Ref.Name)
		}
	}
	return ""
}
