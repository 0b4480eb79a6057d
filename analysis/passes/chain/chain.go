// Package chain is an analyzer that reports nothing: for the module of a
// graph pass, it explains how the module gets into an environment, as the
// import chain from a root (a page, a layout, a 'use client' boundary) to
// the module, in the forms diagnostics show it: a line of the message and
// related information at each import on the way.
//
// A check requires it and reads its result, *chain.Chains, from
// pass.ResultOf[chain.Analyzer]. Chains are built on first use, through
// the pass's view of the graph, so that only the checks that report
// depend on the modules of a chain.
package chain

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "importChain",
	Doc: `the import chains that bring a module into each environment

The result explains a finding: how the module is reached from a root of
the server graph (an App Router entry) or of the client graph (a
'use client' boundary, itself preceded by the server chain that reaches
it).`,
	Scope:      analysis.GraphScope,
	ResultType: reflect.TypeFor[*Chains](),
	Run: func(pass *analysis.Pass) (any, error) {
		return &Chains{pass: pass}, nil
	},
}

// Chains are the import chains of one module.
type Chains struct {
	pass  *analysis.Pass
	steps [2][]graph.Step
	built [2]bool
}

// Steps returns a shortest chain from a root of env's graph to the
// module, root first; nil when the module is not in env.
func (c *Chains) Steps(env graph.Env) []graph.Step {
	if !c.built[env] {
		c.steps[env] = c.pass.Graph.Chain(c.pass.Module, env)
		c.built[env] = true
	}
	return c.steps[env]
}

// Related turns the chain into related information: the root, then each
// import on the way, at the import in the importing file.
func (c *Chains) Related(env graph.Env) []analysis.RelatedInformation {
	chain := c.Steps(env)
	var out []analysis.RelatedInformation
	for i, s := range chain {
		if i == 0 {
			loc := analysis.Location{Path: s.Module.Path}
			if d := s.Module.Facts.Directive(rsc.UseClient); s.Module.Boundary && d != nil {
				loc.Start, loc.End = d.Span.Start, d.Span.End
			}
			msg := c.pass.Rel(s.Module.Path)
			if d := Describe(s.Module); d != "" {
				msg += " is " + d
			}
			out = append(out, analysis.RelatedInformation{Location: loc, Message: msg})
			continue
		}
		prev := chain[i-1].Module
		imp := &prev.Facts.Imports[s.Import]
		msg := "imports " + c.pass.Rel(s.Module.Path)
		if s.Module.Boundary {
			msg += `, a Client Component boundary ("use client")`
		}
		out = append(out, analysis.RelatedInformation{
			Location: analysis.Location{Path: prev.Path, Start: imp.SourceSpan.Start, End: imp.SourceSpan.End},
			Message:  msg,
		})
	}
	return out
}

// Text renders the chain on one line: "app/page.tsx → lib/a.ts".
func (c *Chains) Text(env graph.Env) string {
	chain := c.Steps(env)
	parts := make([]string, len(chain))
	for i, s := range chain {
		parts[i] = c.pass.Rel(s.Module.Path)
	}
	return strings.Join(parts, " → ")
}

// Message appends the chain to a message, when there is one to tell, and
// says so when only Turbopack brings the module into env's graph.
func (c *Chains) Message(msg string, env graph.Env) string {
	if c.pass.Module.OnlyWithTurbopack(env) {
		msg += " " + rsc.TurbopackOnlyModule
	}
	if len(c.Steps(env)) < 2 {
		return msg
	}
	return msg + "\nImport chain: " + c.Text(env)
}

// Describe says what a module is, for the root of a chain ("a Server
// Component (page)", "a Client Component boundary").
func Describe(m *graph.Module) string {
	switch {
	case m.Boundary:
		return `a Client Component boundary ("use client")`
	case m.ServerRef:
		return "a module of Server Functions"
	case m.Role == project.RoleRoute:
		return "a route handler (server)"
	case m.Role == project.RoleMiddleware:
		return "middleware (server)"
	case m.Role == project.RoleInstrumentation:
		return "instrumentation (server)"
	case m.Role == project.RoleInstrumentationClient:
		return "client instrumentation"
	case m.Role.IsServerEntry():
		return fmt.Sprintf("a Server Component (%s)", m.Role)
	}
	return ""
}
