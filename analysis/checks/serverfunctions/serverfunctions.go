// Package serverfunctions checks functions marked 'use server' or
// 'use cache', their own directive or one inherited as an export of a
// 'use server' / 'use cache' file.
package serverfunctions

import (
	"fmt"
	"slices"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

var Analyzer = &analysis.Analyzer{
	Name: "serverFunctions",
	Doc: `misuse of an inline 'use server' or 'use cache' function

A Server Function ('use server') or cached function ('use cache') must be
async, may not use this, arguments or super (it runs detached from any
object), may not be a non-static class method, and a 'use cache: kind'
must name a configured cache handler.`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-server",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return rsc.MayHaveDirective(f.Src) },
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	kinds, known := pass.Config.KnownCacheKinds()
	if !known {
		kinds = nil // next.config's cacheHandlers cannot be read: any kind may be configured
	}
	f := pass.File.Facts
	for _, d := range f.Directives {
		if d.Kind == rsc.UseCache && d.CacheKind != "" && known && !slices.Contains(kinds, d.CacheKind) {
			reportKind(pass, d.CacheKind, d.Span)
		}
	}
	clientFile := f.Has(rsc.UseClient)
	for _, fn := range pass.Syntax.Funcs {
		if !fn.Inherited && !clientFile {
			checkOwn(pass, fn, kinds)
		}
		if fn.Inherited || !(fn.Method && fn.InClass && !fn.Static) {
			forbidden(pass, fn)
		}
	}
	return nil, nil
}

func reportKind(pass *analysis.Pass, kind string, at facts.Span) {
	pass.Report(analysis.Diagnostic{
		Start: at.Start, End: at.End, URL: "https://nextjs.org/docs/app/api-reference/config/next-config-js/cacheHandlers",
		Message: fmt.Sprintf("Unknown cache kind %q. Please configure a cache handler for this kind in the `cacheHandlers` object in your Next.js config.", kind),
	})
}

// checkOwn checks a function with its own directive.
func checkOwn(pass *analysis.Pass, fn facts.Func, kinds []string) {
	t := pass.Syntax.Tree
	for _, k := range fn.Directives {
		dir := pass.Syntax.Strings[k]
		if kind, cacheKind := rsc.ParseDirective(dir.Value); kind == rsc.UseCache && cacheKind != "" && kinds != nil && !slices.Contains(kinds, cacheKind) {
			reportKind(pass, cacheKind, dir.Span)
		}
	}
	head := headSpan(t, fn)
	if fn.Method && fn.InClass && !fn.Static {
		msg := "It is not allowed to define inline \"use server\" annotated class instance methods.\nTo define Server Actions, use functions, object method properties, or static class methods instead."
		if fn.Directive == rsc.UseCache {
			msg = "It is not allowed to define inline \"use cache\" annotated class instance methods.\nTo define cached functions, use functions, object method properties, or static class methods instead."
		}
		pass.Report(analysis.Diagnostic{Start: head.Start, End: head.End, Message: msg, URL: fn.Directive.DocURL()})
		return
	}
	if !fn.Async && !exportedFromDirectiveFile(pass, fn) { // serverFileExports reports those
		msg := "Server Actions must be async functions."
		if fn.Directive == rsc.UseCache {
			msg = `"use cache" functions must be async functions.`
		}
		pass.Report(analysis.Diagnostic{
			Start: head.Start, End: head.End, Message: msg, URL: fn.Directive.DocURL(),
			Fixes: []analysis.SuggestedFix{{ID: "makeAsync", Message: "Make the function async", Edits: []analysis.TextEdit{{Start: fn.AsyncAt, End: fn.AsyncAt, NewText: "async "}}}},
		})
	}
}

// headSpan is the part of a function worth underlining: its name, or the
// text up to its body.
func headSpan(t *syntax.Tree, fn facts.Func) facts.Span {
	if name := t.ChildByField(fn.Node, syntax.FieldName); name >= 0 {
		return facts.Span{Start: int(t.Nodes[name].Start), End: int(t.Nodes[name].End)}
	}
	start := int(t.Nodes[fn.Node].Start)
	end := int(t.Nodes[fn.Node].End)
	if body := t.ChildByField(fn.Node, syntax.FieldBody); body >= 0 {
		end = int(t.Nodes[body].Start)
	}
	for end > start && (t.Src[end-1] == ' ' || t.Src[end-1] == '\n' || t.Src[end-1] == '\t' || t.Src[end-1] == '\r') {
		end--
	}
	return facts.Span{Start: start, End: end}
}

// forbidden reports this, arguments and super in a directive function.
// Nested functions, methods and classes have their own this; arrows share it.
func forbidden(pass *analysis.Pass, fn facts.Func) {
	t := pass.Syntax.Tree
	if fn.Body < 0 {
		return
	}
	who := "Server Actions"
	if fn.Directive == rsc.UseCache {
		who = `"use cache" functions`
	}
	stack := []int{fn.Body}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		word := ""
		switch t.Kind(n) {
		case syntax.KindFunctionDeclaration, syntax.KindFunctionExpression, syntax.KindGeneratorFunction,
			syntax.KindGeneratorFunctionDeclaration, syntax.KindMethodDefinition, syntax.KindClass,
			syntax.KindClassDeclaration, syntax.KindAbstractClassDeclaration:
			continue
		case syntax.KindArrowFunction:
			if hasOwnDirective(pass, n) {
				continue // checked on its own
			}
		case syntax.KindThis:
			word = "this"
		case syntax.KindSuper:
			word = "super"
		case syntax.KindIdentifier:
			if t.Text(n) == "arguments" {
				word = "arguments"
			}
		}
		if word != "" {
			pass.Report(analysis.Diagnostic{
				Start: int(t.Nodes[n].Start), End: int(t.Nodes[n].End), URL: fn.Directive.DocURL(),
				Message: fmt.Sprintf("%s cannot use `%s`.", who, word),
			})
			continue
		}
		for c := t.FirstChild(n); c >= 0; c = t.NextSibling(c) {
			stack = append(stack, c)
		}
	}
}

func exportedFromDirectiveFile(pass *analysis.Pass, fn facts.Func) bool {
	f := pass.File.Facts
	if !f.Has(rsc.UseServer) && !f.Has(rsc.UseCache) {
		return false
	}
	return slices.Contains(pass.Syntax.ExportNodes, fn.Node)
}

func hasOwnDirective(pass *analysis.Pass, node int) bool {
	for _, fn := range pass.Syntax.Funcs {
		if fn.Node == node && !fn.Inherited {
			return true
		}
	}
	return false
}
