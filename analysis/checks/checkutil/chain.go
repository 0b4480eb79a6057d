package checkutil

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

// Describe says what a module is, for chain entries ("a Server Component
// (page)", "a Client Component boundary").
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

// ChainRelated turns an import chain into related information: the root,
// then each import on the way, at the import in the importing file.
func ChainRelated(pass *analysis.Pass, chain []graph.Step) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for i, s := range chain {
		if i == 0 {
			loc := analysis.Location{Path: s.Module.Path}
			if d := directiveSpan(s.Module.Facts, rsc.UseClient); s.Module.Boundary && d != nil {
				loc.Start, loc.End = d.Start, d.End
			}
			msg := pass.Rel(s.Module.Path)
			if d := Describe(s.Module); d != "" {
				msg += " is " + d
			}
			out = append(out, analysis.RelatedInformation{Location: loc, Message: msg})
			continue
		}
		prev := chain[i-1].Module
		imp := &prev.Facts.Imports[s.Import]
		msg := "imports " + pass.Rel(s.Module.Path)
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

// ChainText renders a chain on one line: "app/page.tsx → lib/a.ts".
func ChainText(pass *analysis.Pass, chain []graph.Step) string {
	parts := make([]string, len(chain))
	for i, s := range chain {
		parts[i] = pass.Rel(s.Module.Path)
	}
	return strings.Join(parts, " → ")
}

// WithChain appends the import chain to a message.
func WithChain(pass *analysis.Pass, msg string, chain []graph.Step) string {
	if len(chain) < 2 {
		return msg
	}
	return msg + "\nImport chain: " + ChainText(pass, chain)
}

func directiveSpan(f *facts.File, k rsc.DirectiveKind) *facts.Span {
	for i := range f.Directives {
		if f.Directives[i].Kind == k {
			return &f.Directives[i].Span
		}
	}
	return nil
}

// DirectiveLocation returns where module m declares directive k.
func DirectiveLocation(m *graph.Module, k rsc.DirectiveKind) analysis.Location {
	loc := analysis.Location{Path: m.Path}
	if d := directiveSpan(m.Facts, k); d != nil {
		loc.Start, loc.End = d.Start, d.End
	}
	return loc
}

// AddUseClientFix returns the fix that marks the pass's file 'use client'.
func AddUseClientFix(f *facts.File) analysis.SuggestedFix {
	return analysis.SuggestedFix{
		ID:          analysis.FixAddUseClient,
		Message:     `Add "use client" to the top of the file`,
		Edits:       []analysis.TextEdit{textedit.InsertDirective(f, "use client")},
		NeedsReview: true,
	}
}
