// Package misplaceddirective reports 'use client', 'use server' and
// 'use cache' directives that do not stand at the top of their file or
// function body, where Next.js ignores them or refuses to build.
package misplaceddirective

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "misplacedDirective",
	Doc: `directive not at the top of its file or function body

A directive only takes effect in the directive prologue: before any import
or other statement of a file ('use client', 'use server', 'use cache'), or
at the top of a function body ('use server', 'use cache'). Next.js rejects
a directive anywhere else and a directive wrapped in parentheses.
'use client' inside a function is a warning: Next.js 15 and 16 build the
module as if it were not there (the compiler's canary rejects it).`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-client",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return rsc.MayHaveDirective(f.Src) },
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	src := pass.File.Src
	f := pass.File.Facts
	for _, s := range pass.Syntax.Strings {
		kind, _ := rsc.ParseDirective(s.Value)
		if kind == rsc.NoDirective {
			continue
		}
		atFileTop := s.Container == facts.InModule || (s.Container == facts.InNestedBlock && s.Func < 0)
		switch {
		case kind == rsc.UseClient && s.Func >= 0:
			d := analysis.Diagnostic{
				Start: s.Span.Start, End: s.Span.End, URL: rsc.UseClient.DocURL(),
				Message: `The "use client" directive must be placed at the top of the file, before any other statements. It cannot be used inside a function. Next.js 15 and 16 build the module as if it were not there (the compiler's canary rejects it).`,
				// next build accepts it (oracle: use-client-in-function-body).
				Milder: analysis.SeverityWarning,
			}
			fix := analysis.SuggestedFix{ID: analysis.FixPlaceDirective, Message: `Move "use client" to the top of the file`, Edits: []analysis.TextEdit{textedit.DeleteStatement(src, s.Stmt)}}
			if !f.Has(rsc.UseClient) {
				fix.Edits = append(fix.Edits, textedit.InsertDirective(f, "use client"))
			} else {
				fix.Message = `Remove "use client"`
			}
			d.Fixes = []analysis.SuggestedFix{fix}
			pass.Report(d)
		case kind == rsc.UseClient && atFileTop && (!s.Prologue || s.Paren):
			d := analysis.Diagnostic{
				Start: s.Stmt.Start, End: s.Stmt.End, URL: rsc.UseClient.DocURL(),
				Message: `The "use client" directive must be placed before other expressions. Move it to the top of the file to resolve this issue.`,
			}
			if s.Prologue {
				d.Fixes = []analysis.SuggestedFix{unwrap(src, s)}
			} else {
				d.Fixes = []analysis.SuggestedFix{moveToFileTop(src, f, s)}
			}
			pass.Report(d)
		case kind == rsc.UseServer || kind == rsc.UseCache:
			if s.Prologue && !s.Paren {
				continue
			}
			where := "file"
			if s.Func >= 0 {
				where = "function body"
			}
			name := kind.String()
			d := analysis.Diagnostic{Start: s.Span.Start, End: s.Span.End, URL: kind.DocURL()}
			switch {
			case s.Prologue: // parenthesised, but in the right place
				d.Start, d.End = s.Stmt.Start, s.Stmt.End
				d.Message = fmt.Sprintf(`The %q directive cannot be wrapped in parentheses.`, name)
				d.Fixes = []analysis.SuggestedFix{unwrap(src, s)}
			case s.Paren:
				d.Start, d.End = s.Stmt.Start, s.Stmt.End
				d.Message = fmt.Sprintf(`The %q directive must be at the top of the %s, and cannot be wrapped in parentheses.`, s.Value, where)
			default:
				d.Message = fmt.Sprintf(`The %q directive must be at the top of the %s.`, s.Value, where)
			}
			if !s.Prologue {
				if s.Func >= 0 {
					if fix, ok := moveToBodyTop(pass, s); ok {
						d.Fixes = []analysis.SuggestedFix{fix}
					}
				} else {
					d.Fixes = []analysis.SuggestedFix{moveToFileTop(src, f, s)}
				}
			}
			pass.Report(d)
		}
	}
	return nil, nil
}

// literal returns the directive as written, quotes included.
func literal(src []byte, s facts.StringStmt) string { return string(src[s.Span.Start:s.Span.End]) }

func unwrap(src []byte, s facts.StringStmt) analysis.SuggestedFix {
	text := literal(src, s)
	if src[s.Stmt.End-1] == ';' {
		text += ";"
	}
	return analysis.SuggestedFix{
		ID:      analysis.FixPlaceDirective,
		Message: "Remove the parentheses",
		Edits:   []analysis.TextEdit{{Start: s.Stmt.Start, End: s.Stmt.End, NewText: text}},
	}
}

func moveToFileTop(src []byte, f *facts.File, s facts.StringStmt) analysis.SuggestedFix {
	text := textedit.Statement(f, literal(src, s))
	at := f.FirstStmt
	return analysis.SuggestedFix{
		ID:      analysis.FixPlaceDirective,
		Message: "Move the directive to the top of the file",
		Edits: []analysis.TextEdit{
			{Start: at, End: at, NewText: text + "\n"},
			textedit.DeleteStatement(src, s.Stmt),
		},
	}
}

// moveToBodyTop moves a directive to the top of its function body.
func moveToBodyTop(pass *analysis.Pass, s facts.StringStmt) (analysis.SuggestedFix, bool) {
	t := pass.Syntax.Tree
	body := t.ChildByField(s.Func, syntax.FieldBody)
	if body < 0 || t.Kind(body) != syntax.KindStatementBlock {
		return analysis.SuggestedFix{}, false
	}
	var stmts []int
	stmts = t.NamedChildren(body, stmts)
	if len(stmts) == 0 || stmts[0] == s.Node {
		return analysis.SuggestedFix{}, false
	}
	src := pass.File.Src
	first := int(t.Nodes[stmts[0]].Start)
	remove := textedit.DeleteStatement(src, s.Stmt)
	if first >= remove.Start {
		// In code that does not parse, the "first statement" can hold
		// the directive itself: there is nothing to move it above.
		return analysis.SuggestedFix{}, false
	}
	text := literal(src, s)
	if src[s.Stmt.End-1] == ';' {
		text += ";"
	}
	return analysis.SuggestedFix{
		ID:      analysis.FixPlaceDirective,
		Message: "Move the directive to the top of the function body",
		Edits: []analysis.TextEdit{
			{Start: first, End: first, NewText: text + "\n" + textedit.LineIndent(src, first)},
			remove,
		},
	}, true
}
