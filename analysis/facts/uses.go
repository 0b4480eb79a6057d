package facts

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

// uses is the second pass: references, calls, JSX, classes, comments and
// string statements.
func (e *extractor) uses() {
	t := e.t
	for i := range e.nodes {
		e.dl.Check()
		switch e.nodes[i].Kind {
		case syntax.KindIdentifier, syntax.KindShorthandPropertyIdentifier:
			// A name in a type reads nothing at run time.
			if !e.isBind[i] && !e.inType[i] && e.isReference(i) {
				e.reference(i)
			}
		case syntax.KindUnaryExpression:
			if t.HasToken(i, syntax.TokTypeof) {
				arg := t.Unparen(t.ChildByField(i, syntax.FieldArgument))
				if e.kind(arg) == syntax.KindIdentifier && rsc.BrowserGlobals[e.text(arg)] && e.resolve(e.text(arg), arg) < 0 {
					e.guarded[e.fnOf[i]] = true
				}
			}
		case syntax.KindCallExpression:
			e.call(i)
		case syntax.KindReturnStatement:
			e.returnsIn[e.fnOf[i]] = append(e.returnsIn[e.fnOf[i]], e.span(i))
		case syntax.KindMemberExpression:
			e.member(i)
		case syntax.KindJSXElement, syntax.KindJSXSelfClosingElement:
			e.jsx(i)
		case syntax.KindClassHeritage:
			e.heritage(i)
		case syntax.KindExpressionStatement:
			e.stringStatement(i)
		case syntax.KindComment:
			e.comment(i)
		}
	}
}

// isReference reports whether an identifier reads a binding (as opposed to
// naming an import, a property, a label or a JSX intrinsic).
func (e *extractor) isReference(i int) bool {
	p := e.parent(i)
	if p < 0 {
		return false
	}
	switch e.kind(p) {
	case syntax.KindImportSpecifier, syntax.KindImportClause, syntax.KindNamespaceImport, syntax.KindImportRequireClause,
		syntax.KindNamespaceExport, syntax.KindMetaProperty, syntax.KindJSXNamespaceName, syntax.KindNestedIdentifier,
		syntax.KindJSXClosingElement, syntax.KindImportAlias:
		return false
	case syntax.KindExportSpecifier:
		// export { a as b }: a reads the local binding unless re-exported from elsewhere.
		return e.nodes[i].Field == syntax.FieldName && e.t.ChildByField(e.parent(p), syntax.FieldSource) < 0
	case syntax.KindJSXOpeningElement, syntax.KindJSXSelfClosingElement:
		return !isIntrinsicTag(e.text(i))
	}
	return true
}

func isIntrinsicTag(name string) bool {
	return name == "" || (name[0] >= 'a' && name[0] <= 'z') || strings.Contains(name, "-")
}

func (e *extractor) reference(i int) {
	name := e.text(i)
	b := e.resolve(name, i)
	if b >= 0 {
		if m := e.binds[b].module; m >= 0 {
			mb := &e.f.Bindings[m]
			e.addRef(e.stmtOf[i], mb.Stmt)
			if mb.Kind == BindImport && mb.Import >= 0 {
				if !e.typeOnlyExport(i) {
					e.f.Imports[mb.Import].Names[mb.ImportName].ValueUse = true
				}
				e.namedAPIUse(i, mb)
			}
		}
		return
	}
	if rsc.BrowserGlobals[name] {
		e.f.BrowserRefs++
		if p := e.parent(i); e.kind(p) == syntax.KindUnaryExpression && e.t.HasToken(p, syntax.TokTypeof) {
			return
		}
		e.globalCands = append(e.globalCands, globalCand{name, i})
	}
}

// typeOnlyExport reports whether identifier i is the name of an
// `export type { x }` or `export { type x }` specifier, which TypeScript
// erases. A plain `export { x }` keeps the import it names: a
// single-file compiler cannot tell that x is only a type.
func (e *extractor) typeOnlyExport(i int) bool {
	spec := e.parent(i)
	if e.kind(spec) != syntax.KindExportSpecifier {
		return false
	}
	if e.t.HasToken(spec, syntax.TokType) {
		return true
	}
	for p := e.parent(spec); p >= 0; p = e.parent(p) {
		if e.kind(p) == syntax.KindExportStatement {
			return e.t.HasToken(p, syntax.TokType)
		}
	}
	return false
}

// namedAPIUse records a use of a named import from a module the API lists
// cover (useState imported from react).
func (e *extractor) namedAPIUse(i int, mb *Binding) {
	imp := &e.f.Imports[mb.Import]
	name := imp.Names[mb.ImportName].Imported
	if !rsc.MemberSources[imp.Source] || name == "*" || name == "default" {
		return
	}
	if p := e.parent(i); e.kind(p) == syntax.KindExportSpecifier {
		return // export { useState }: a re-export, not a use
	}
	e.f.APIs = append(e.f.APIs, APIUse{Import: mb.Import, Name: name, Span: e.span(i), Stmt: int(e.stmtOf[i]), Context: e.context(i)})
}

// context says when the code at node i runs.
func (e *extractor) context(i int) UseContext {
	fn := int(e.fnOf[i])
	if fn < 0 {
		return AtModuleScope
	}
	if e.isComponentFunction(fn) {
		return AtRender
	}
	return Deferred
}

// isComponentFunction reports whether fn looks like a function component (or
// a hook), whose body runs while rendering.
func (e *extractor) isComponentFunction(fn int) bool {
	t := e.t
	isRenderName := func(name string) bool {
		return rsc.IsComponentName(name) || (strings.HasPrefix(name, "use") && len(name) > 3 && name[3] >= 'A' && name[3] <= 'Z')
	}
	switch e.kind(fn) {
	case syntax.KindMethodDefinition:
		name := t.ChildByField(fn, syntax.FieldName)
		return name >= 0 && e.text(name) == "render"
	case syntax.KindFunctionDeclaration, syntax.KindFunctionExpression:
		if name := t.ChildByField(fn, syntax.FieldName); name >= 0 && isRenderName(e.text(name)) {
			return true
		}
	}
	// Climb through wrappers: memo(...), forwardRef(...), parentheses.
	p := e.parent(fn)
	for depth := 0; p >= 0 && depth < 4; depth++ {
		switch e.kind(p) {
		case syntax.KindArguments, syntax.KindCallExpression, syntax.KindParenthesizedExpression, syntax.KindAsExpression, syntax.KindSatisfiesExpression:
			p = e.parent(p)
			continue
		case syntax.KindVariableDeclarator:
			name := t.ChildByField(p, syntax.FieldName)
			return name >= 0 && e.kind(name) == syntax.KindIdentifier && isRenderName(e.text(name))
		case syntax.KindExportStatement:
			return t.HasToken(p, syntax.TokDefault)
		}
		return false
	}
	return false
}

func (e *extractor) call(i int) {
	t := e.t
	callee := t.ChildByField(i, syntax.FieldFunction)
	args := t.ChildByField(i, syntax.FieldArguments)
	if k := e.kind(callee); k == syntax.KindIdentifier || k == syntax.KindMemberExpression {
		e.callCands = append(e.callCands, i)
	}
	switch e.kind(callee) {
	case syntax.KindImport: // import('x')
		e.moduleCall(i, args, ImportDynamic)
	case syntax.KindIdentifier:
		name := e.text(callee)
		if isHookName(name) {
			e.hookCall(i, callee, args)
		} else if name == "use" {
			e.stoppingHookFns[e.fnOf[i]] = true // suspends until its promise settles
		}
		if name == "require" && e.resolve(name, callee) < 0 {
			if !e.requireCalls[i] {
				e.moduleCall(i, args, ImportRequire)
			}
			return
		}
		if mb := e.moduleBinding(name, callee); mb != nil && mb.Kind == BindImport && mb.Import >= 0 {
			imp := &e.f.Imports[mb.Import]
			if imp.Source == "next/dynamic" && imp.Names[mb.ImportName].Imported == "default" {
				e.dynamicCall(i, args)
			}
		}
	case syntax.KindMemberExpression:
		if prop := t.ChildByField(callee, syntax.FieldProperty); prop >= 0 && isHookName(e.text(prop)) {
			e.hookCall(i, callee, args)
		} else if prop >= 0 && e.text(prop) == "use" {
			e.stoppingHookFns[e.fnOf[i]] = true
		}
	}
}

// hookCall records call i of a hook in its function, and whether the hook
// may stop the render there on the server: any hook but react's plain
// ones (rsc.PlainHooks), named as imported from react or as a member of
// its namespace or default import.
func (e *extractor) hookCall(i, callee, args int) {
	e.f.HookCalls++
	fn := e.fnOf[i]
	e.hookFns[fn] = true
	if name, ok := e.reactName(callee); ok && rsc.PlainHooks[name] &&
		(name != "useSyncExternalStore" || (args >= 0 && len(e.t.NamedChildren(args, nil)) >= 3)) {
		return
	}
	e.stoppingHookFns[fn] = true
}

// reactName returns the name react exports that callee (useState, or
// React.useState) refers to, if it is one.
func (e *extractor) reactName(callee int) (string, bool) {
	t := e.t
	switch e.kind(callee) {
	case syntax.KindIdentifier:
		mb := e.moduleBinding(e.text(callee), callee)
		if mb == nil || mb.Kind != BindImport || mb.Import < 0 {
			return "", false
		}
		imp := &e.f.Imports[mb.Import]
		name := imp.Names[mb.ImportName].Imported
		return name, imp.Source == "react" && name != "*" && name != "default"
	case syntax.KindMemberExpression:
		obj, prop := t.ChildByField(callee, syntax.FieldObject), t.ChildByField(callee, syntax.FieldProperty)
		if e.kind(obj) != syntax.KindIdentifier || prop < 0 {
			return "", false
		}
		mb := e.moduleBinding(e.text(obj), obj)
		if mb == nil || mb.Kind != BindImport || mb.Import < 0 {
			return "", false
		}
		imp := &e.f.Imports[mb.Import]
		imported := imp.Names[mb.ImportName].Imported
		return e.text(prop), imp.Source == "react" && (imported == "*" || imported == "default")
	}
	return "", false
}

func isHookName(name string) bool {
	return len(name) > 3 && strings.HasPrefix(name, "use") && name[3] >= 'A' && name[3] <= 'Z'
}

// moduleCall records import('x') and require('x') with a literal specifier.
func (e *extractor) moduleCall(i, args int, kind ImportKind) {
	if args < 0 {
		return
	}
	arg := e.firstNamed(args)
	var src string
	switch e.kind(arg) {
	case syntax.KindString:
		src, _ = e.t.StringValue(arg)
	case syntax.KindTemplateString:
		if e.t.ChildOfKind(arg, syntax.KindTemplateSubstitution) >= 0 {
			return
		}
		src = strings.Trim(e.text(arg), "`")
	default:
		return
	}
	names := []ImportName{{Imported: "*", Span: e.span(arg)}}
	e.f.Imports = append(e.f.Imports, Import{Kind: kind, Source: src, SourceSpan: e.span(arg), Span: e.span(i), Names: names, Stmt: int(e.stmtOf[i])})
}

// dynamicCall records next/dynamic(loader, { ssr: false }).
func (e *extractor) dynamicCall(i, args int) {
	d := DynamicCall{Span: e.span(i), Stmt: int(e.stmtOf[i])}
	if args >= 0 {
		var named []int
		named = e.t.NamedChildren(args, named)
		if len(named) >= 2 && e.kind(named[1]) == syntax.KindObject {
			e.t.Children(named[1], func(c int) {
				if e.kind(c) != syntax.KindPair {
					return
				}
				key := e.t.ChildByField(c, syntax.FieldKey)
				if k := unquote(e.text(key)); k == "ssr" && e.kind(e.t.Unparen(e.t.ChildByField(c, syntax.FieldValue))) == syntax.KindFalse {
					d.SSRFalse, d.SSRSpan = true, e.span(c)
				}
			})
		}
	}
	e.f.Dynamics = append(e.f.Dynamics, d)
}

// member records React.useState-style uses of namespace and default imports.
func (e *extractor) member(i int) {
	obj := e.t.ChildByField(i, syntax.FieldObject)
	prop := e.t.ChildByField(i, syntax.FieldProperty)
	if e.kind(obj) != syntax.KindIdentifier || prop < 0 {
		return
	}
	mb := e.moduleBinding(e.text(obj), obj)
	if mb == nil || mb.Kind != BindImport || mb.Import < 0 {
		return
	}
	imp := &e.f.Imports[mb.Import]
	imported := imp.Names[mb.ImportName].Imported
	if !rsc.MemberSources[imp.Source] || (imported != "*" && imported != "default") {
		return
	}
	e.f.APIs = append(e.f.APIs, APIUse{Import: mb.Import, Name: e.text(prop), Member: true, Span: e.span(i), Stmt: int(e.stmtOf[i]), Context: e.context(i)})
}

// refOf resolves an identifier or member expression (ns.Member) used as a
// value or JSX tag.
func (e *extractor) refOf(i int) Ref {
	i = e.t.Unparen(i)
	member := ""
	if e.kind(i) == syntax.KindMemberExpression {
		if prop := e.t.ChildByField(i, syntax.FieldProperty); prop >= 0 {
			member = e.text(prop)
		}
		i = e.t.ChildByField(i, syntax.FieldObject)
	}
	if e.kind(i) != syntax.KindIdentifier {
		return Ref{}
	}
	name := e.text(i)
	r := Ref{Name: name}
	b := e.resolve(name, i)
	if b < 0 {
		return r
	}
	bd := &e.binds[b]
	if bd.module >= 0 {
		mb := &e.f.Bindings[bd.module]
		switch mb.Kind {
		case BindImport:
			if mb.Import >= 0 {
				r.Kind, r.Import = RefImport, mb.Import
				r.Imported = e.f.Imports[mb.Import].Names[mb.ImportName].Imported
				if member != "" && (r.Imported == "*" || r.Imported == "default") {
					r.Imported = member
				}
			}
			return r
		case BindFunction:
			if member == "" {
				r.Kind = RefLocalFunction
				if mb.ServerFn || e.f.Has(rsc.UseServer) {
					r.Kind = RefServerFunction
				}
				return r
			}
		case BindClass:
			if member == "" {
				r.Kind = RefLocalClass
				return r
			}
		}
	}
	if member != "" {
		return r
	}
	// A variable holding a function is a local function too.
	if bd.kind == BindVar && bd.value >= 0 {
		if fn := e.t.Unparen(int(bd.value)); isFunctionLike(e.kind(fn)) {
			r.Kind = RefLocalFunction
			if e.bodyDirective(fn) == rsc.UseServer || (bd.module >= 0 && e.f.Has(rsc.UseServer)) {
				r.Kind = RefServerFunction
			}
			return r
		}
	}
	if bd.kind == BindFunction {
		r.Kind = RefLocalFunction
		if e.bodyDirective(int(bd.decl)) == rsc.UseServer {
			r.Kind = RefServerFunction
		}
		return r
	}
	if bd.module >= 0 {
		r.Kind = RefLocalValue
	}
	return r
}

// jsx records an element whose props might not survive the trip to a
// Client Component, or an intrinsic element with event handlers.
func (e *extractor) jsx(i int) {
	t := e.t
	open := i
	if e.kind(i) == syntax.KindJSXElement {
		open = t.ChildByField(i, syntax.FieldOpenTag)
		if open < 0 {
			return
		}
	}
	tag := t.ChildByField(open, syntax.FieldName)
	if tag < 0 || e.kind(tag) == syntax.KindJSXNamespaceName {
		return // a fragment or <svg:rect>
	}
	el := JSXElement{Tag: e.text(tag), TagSpan: e.span(tag), Span: e.span(open), Stmt: int(e.stmtOf[i]), Context: e.context(i)}
	el.Intrinsic = e.kind(tag) == syntax.KindIdentifier && isIntrinsicTag(el.Tag)
	if !el.Intrinsic {
		el.Ref = e.refOf(tag)
	}
	t.Children(open, func(a int) {
		if e.kind(a) != syntax.KindJSXAttribute {
			return
		}
		nameNode := e.firstNamed(a)
		if nameNode < 0 {
			return
		}
		name := e.text(nameNode)
		val := e.nextNamed(nameNode)
		if e.kind(val) != syntax.KindJSXExpression {
			return // a string, an element, or a bare attribute: all serializable
		}
		expr := e.firstNamed(val)
		if expr < 0 {
			return
		}
		if el.Intrinsic {
			if rsc.IsEventHandlerName(name) && !e.isNullish(expr) {
				e.f.HandlerAttrs++
				// Only a value known to be a function is reported: a prop
				// passed through (onClick={onClick}) is whatever the caller gave.
				for _, p := range e.classify(expr, name, "", nil, 0) {
					if p.Problem == ProblemFunction && p.Path == "" {
						el.Handlers = append(el.Handlers, p)
					}
				}
			}
			return
		}
		el.Props = e.classify(expr, name, "", el.Props, 0)
	})
	if !el.Intrinsic && e.kind(i) == syntax.KindJSXElement {
		t.Children(i, func(c int) {
			if e.kind(c) == syntax.KindJSXExpression {
				if expr := e.firstNamed(c); expr >= 0 {
					el.Props = e.classify(expr, "children", "", el.Props, 0)
				}
			}
		})
	}
	// An imported component is kept even without props: where it is
	// rendered matters (a Client Component rendered by a Server Component
	// renders on the server too).
	if len(el.Props) > 0 || len(el.Handlers) > 0 || el.Ref.Kind == RefImport {
		e.f.JSX = append(e.f.JSX, el)
	}
}

func (e *extractor) isNullish(i int) bool {
	switch e.kind(e.t.Unparen(i)) {
	case syntax.KindNull, syntax.KindUndefined, syntax.KindString, syntax.KindTemplateString, syntax.KindNumber, syntax.KindTrue, syntax.KindFalse:
		return true
	}
	return false
}

// classify appends the parts of a prop value that cannot be serialized, or
// that need the graph to decide (imported bindings).
func (e *extractor) classify(i int, prop, path string, out []JSXProp, depth int) []JSXProp {
	t := e.t
	i = t.Unparen(i)
	if i < 0 || depth > 16 {
		return out
	}
	add := func(p ValueProblem, r Ref) []JSXProp {
		return append(out, JSXProp{Name: prop, Path: path, Span: e.span(i), Problem: p, Ref: r})
	}
	switch e.kind(i) {
	case syntax.KindArrowFunction, syntax.KindFunctionExpression, syntax.KindGeneratorFunction:
		if e.bodyDirective(i) == rsc.UseServer {
			return out
		}
		return add(ProblemFunction, Ref{})
	case syntax.KindClass:
		return add(ProblemClass, Ref{})
	case syntax.KindNewExpression:
		ctor := t.ChildByField(i, syntax.FieldConstructor)
		if e.kind(ctor) == syntax.KindIdentifier && rsc.SerializableConstructors[e.text(ctor)] && e.resolve(e.text(ctor), ctor) < 0 {
			return out
		}
		return add(ProblemInstance, Ref{Name: e.text(ctor)})
	case syntax.KindCallExpression:
		callee := t.ChildByField(i, syntax.FieldFunction)
		if e.kind(callee) == syntax.KindIdentifier && e.text(callee) == "Symbol" && e.resolve("Symbol", callee) < 0 {
			return add(ProblemSymbol, Ref{})
		}
	case syntax.KindIdentifier:
		r := e.refOf(i)
		switch r.Kind {
		case RefLocalFunction:
			return add(ProblemFunction, r)
		case RefLocalClass:
			return add(ProblemClass, r)
		case RefImport:
			return add(ProblemMaybeImport, r)
		}
	case syntax.KindMemberExpression:
		if r := e.refOf(i); r.Kind == RefImport && r.Imported != "*" {
			return add(ProblemMaybeImport, r)
		}
	case syntax.KindObject:
		t.Children(i, func(c int) {
			switch e.kind(c) {
			case syntax.KindPair:
				key := unquote(e.text(t.ChildByField(c, syntax.FieldKey)))
				out = e.classify(t.ChildByField(c, syntax.FieldValue), prop, path+"."+key, out, depth+1)
			case syntax.KindMethodDefinition:
				name := ""
				if n := t.ChildByField(c, syntax.FieldName); n >= 0 {
					name = e.text(n)
				}
				out = append(out, JSXProp{Name: prop, Path: path + "." + name, Span: e.span(c), Problem: ProblemFunction})
			case syntax.KindShorthandPropertyIdentifier:
				r := e.refOf(c)
				switch r.Kind {
				case RefLocalFunction:
					out = append(out, JSXProp{Name: prop, Path: path + "." + r.Name, Span: e.span(c), Problem: ProblemFunction, Ref: r})
				case RefImport:
					out = append(out, JSXProp{Name: prop, Path: path + "." + r.Name, Span: e.span(c), Problem: ProblemMaybeImport, Ref: r})
				}
			}
		})
	case syntax.KindArray:
		n := 0
		t.Children(i, func(c int) {
			if e.nodes[c].Named() && e.kind(c) != syntax.KindComment {
				out = e.classify(c, prop, path+"["+itoa(n)+"]", out, depth+1)
				n++
			}
		})
	case syntax.KindTernaryExpression:
		out = e.classify(t.ChildByField(i, syntax.FieldConsequence), prop, path, out, depth+1)
		out = e.classify(t.ChildByField(i, syntax.FieldAlternative), prop, path, out, depth+1)
	case syntax.KindBinaryExpression:
		switch {
		case t.HasToken(i, syntax.TokAnd):
			out = e.classify(t.ChildByField(i, syntax.FieldRight), prop, path, out, depth+1)
		case t.HasToken(i, syntax.TokOr), t.HasToken(i, syntax.TokNullish):
			out = e.classify(t.ChildByField(i, syntax.FieldLeft), prop, path, out, depth+1)
			out = e.classify(t.ChildByField(i, syntax.FieldRight), prop, path, out, depth+1)
		}
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// heritage records `extends X` of a class.
func (e *extractor) heritage(i int) {
	ext := e.t.ChildOfKind(i, syntax.KindExtendsClause)
	if ext < 0 {
		return
	}
	val := e.t.ChildByField(ext, syntax.FieldValue)
	if val < 0 {
		val = e.firstNamed(ext)
	}
	if val < 0 {
		return
	}
	class := e.parent(i)
	name := ""
	if n := e.t.ChildByField(class, syntax.FieldName); n >= 0 {
		name = e.text(n)
	}
	e.f.Classes = append(e.f.Classes, ClassHeritage{Name: name, Span: e.span(val), Ref: e.refOf(val), Stmt: int(e.stmtOf[i]), Context: e.context(i)})
}

// stringStatement records a statement that is just a string literal.
func (e *extractor) stringStatement(i int) {
	t := e.t
	expr := e.firstNamed(i)
	str := t.Unparen(expr)
	v, ok := t.StringValue(str)
	if !ok {
		return
	}
	s := StringStmt{Value: v, Span: e.span(str), Stmt: e.stmtSpan(i, expr), Node: i, Paren: str != expr, Func: int(e.fnOf[i])}
	p := e.parent(i)
	switch {
	case p == 0:
		s.Container = InModule
	case e.kind(p) == syntax.KindStatementBlock && isFunctionLike(e.kind(e.parent(p))):
		s.Container = InFunctionBody
	default:
		s.Container = InNestedBlock
	}
	if s.Container != InNestedBlock {
		s.Prologue = true
		for c := e.firstNamed(p); c >= 0 && c != i; c = e.nextNamed(c) {
			if e.kind(c) != syntax.KindExpressionStatement || e.kind(e.firstNamed(c)) != syntax.KindString {
				s.Prologue = false
				break
			}
		}
	}
	e.loc.Strings = append(e.loc.Strings, s)
}

// stmtSpan is the span of an expression statement up to its expression and
// an optional semicolon. Without a semicolon tree-sitter extends the
// statement over a trailing comment, which is not part of it.
func (e *extractor) stmtSpan(stmt, expr int) Span {
	sp := Span{int(e.nodes[stmt].Start), int(e.nodes[expr].End)}
	src := e.t.Src
	i := sp.End
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i < len(src) && src[i] == ';' && i < int(e.nodes[stmt].End) {
		sp.End = i + 1
	}
	return sp
}

// comment records rscls-ignore suppressions.
func (e *extractor) comment(i int) {
	text := e.text(i)
	idx := strings.Index(text, "rscls-ignore")
	if idx < 0 {
		return
	}
	rest := text[idx+len("rscls-ignore"):]
	sup := Suppression{Span: e.span(i)}
	if r, ok := strings.CutPrefix(rest, "-file"); ok {
		sup.File, rest = true, r
	} else if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return // some other word, such as rscls-ignored
	}
	rest = strings.TrimSuffix(strings.TrimSpace(rest), "*/")
	rules, _, _ := strings.Cut(rest, ":")
	for _, r := range strings.FieldsFunc(rules, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' }) {
		sup.Rules = append(sup.Rules, r)
	}
	src := e.t.Src
	start, end := int(e.nodes[i].Start), int(e.nodes[i].End)
	if trailing(src, start) {
		// A trailing comment covers its own line.
		sup.Applies = e.lineOf(start)
	} else {
		next := min(e.lineOf(end).End+1, len(src))
		sup.Applies = Span{next, e.lineOf(next).End}
	}
	e.f.Suppress = append(e.f.Suppress, sup)
}

// trailing reports whether code other than an opening brace precedes
// offset on its line. Only the blanks before offset are scanned.
func trailing(src []byte, offset int) bool {
	for offset > 0 {
		r, size := utf8.DecodeLastRune(src[:offset])
		if r == '\n' {
			return false
		}
		if !unicode.IsSpace(r) {
			return r != '{'
		}
		offset -= size
	}
	return false
}

// lineOf returns the line holding offset, without its line break. Line
// starts are indexed once, so that many comments on one long line (a
// minified file) do not each scan it.
func (e *extractor) lineOf(offset int) Span {
	src := e.t.Src
	if e.lineStarts == nil {
		e.lineStarts = []int{0}
		for i := 0; i < len(src); {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			e.lineStarts = append(e.lineStarts, i)
		}
	}
	k := sort.SearchInts(e.lineStarts, offset+1) - 1
	end := len(src)
	if k+1 < len(e.lineStarts) {
		end = e.lineStarts[k+1] - 1
	}
	return Span{e.lineStarts[k], end}
}

// finish resolves what needed the whole file: statement references,
// browser-global contexts, and functions with directives.
func (e *extractor) finish() {
	for s, m := range e.stmtRefs {
		for to := range m {
			e.f.Stmts[s].Refs = append(e.f.Stmts[s].Refs, to)
		}
		sortInts(e.f.Stmts[s].Refs)
	}
	for _, g := range e.globalCands {
		fn := e.fnOf[g.node]
		if e.guarded[fn] || e.guarded[-1] {
			continue // typeof window checks nearby: the code knows where it runs
		}
		u := GlobalUse{Name: g.name, Span: e.span(g.node), Stmt: int(e.stmtOf[g.node]), Context: e.context(g.node)}
		if u.Context == Deferred {
			u.Func = e.moduleFuncName(int(fn))
		}
		if u.Context == AtModuleScope || u.Context == AtRender || u.Func != "" {
			u.EveryCall = e.everyCall(g.node, fn)
		}
		if u.Context == AtRender {
			u.EveryRender = !e.stoppingHookFns[fn] && e.unconditional(g.node, fn)
		}
		e.f.Globals = append(e.f.Globals, u)
	}
	e.collectCalls()
	e.collectFuncs()
	e.style()
	e.f.Index()
}

// style records the quote and semicolon conventions of the file, judged by
// its first import and its first statement.
func (e *extractor) style() {
	src := e.t.Src
	e.f.Size = len(src)
	e.f.Quote = '\''
	for _, imp := range e.f.Imports {
		if s := imp.SourceSpan.Start; s < len(src) && (src[s] == '"' || src[s] == '\'') {
			e.f.Quote = src[s]
			break
		}
	}
	for _, st := range e.f.Stmts {
		if st.Span.End > 0 && st.Span.End <= len(src) && e.kind(e.stmtNodes[0]) != syntax.KindHashBang {
			e.f.Semicolons = src[st.Span.End-1] == ';'
			break
		}
	}
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// collectFuncs lists functions with their own directives and, in a
// 'use server' or 'use cache' file, the exported functions that inherit it.
func (e *extractor) collectFuncs() {
	byNode := map[int]int{}
	get := func(fn int) *Func {
		if k, ok := byNode[fn]; ok {
			return &e.loc.Funcs[k]
		}
		f := Func{Node: fn, Body: e.t.ChildByField(fn, syntax.FieldBody), AsyncAt: int(e.nodes[fn].Start)}
		if e.kind(f.Body) != syntax.KindStatementBlock {
			f.Body = -1
		}
		if n := e.t.ChildByField(fn, syntax.FieldName); n >= 0 {
			f.Name = e.text(n)
		}
		f.Async = e.t.HasToken(fn, syntax.TokAsync)
		if e.kind(fn) == syntax.KindMethodDefinition {
			f.Method = true
			f.InClass = e.kind(e.parent(fn)) == syntax.KindClassBody
			f.Static = e.t.HasToken(fn, syntax.TokStatic)
			// async goes after `static`/`get`; insert it before the name.
			if n := e.t.ChildByField(fn, syntax.FieldName); n >= 0 {
				f.AsyncAt = int(e.nodes[n].Start)
			}
		}
		byNode[fn] = len(e.loc.Funcs)
		e.loc.Funcs = append(e.loc.Funcs, f)
		return &e.loc.Funcs[len(e.loc.Funcs)-1]
	}
	// A function has a directive when its prologue says 'use server' or
	// 'use cache'. 'use client' makes no function anything (Next.js builds
	// the module as if it were not there); it is kept among the directives
	// of a function that has one, where it conflicts.
	serverOrCache := map[int]bool{}
	for _, s := range e.loc.Strings {
		if s.Container == InFunctionBody && s.Prologue && !s.Paren {
			if kind, _ := rsc.ParseDirective(s.Value); kind == rsc.UseServer || kind == rsc.UseCache {
				serverOrCache[s.Func] = true
			}
		}
	}
	for k, s := range e.loc.Strings {
		if s.Container != InFunctionBody || !s.Prologue || s.Paren || !serverOrCache[s.Func] {
			continue
		}
		kind, cacheKind := rsc.ParseDirective(s.Value)
		if kind == rsc.NoDirective {
			continue
		}
		f := get(s.Func)
		f.Directives = append(f.Directives, k)
		if f.Directive == rsc.NoDirective && kind != rsc.UseClient {
			f.Directive, f.CacheKind = kind, cacheKind
		}
	}
	var fileDir rsc.DirectiveKind
	for _, d := range e.f.Directives {
		if d.Kind == rsc.UseServer || d.Kind == rsc.UseCache {
			fileDir = d.Kind
			break
		}
	}
	if fileDir == rsc.NoDirective {
		return
	}
	for x, fn := range e.loc.ExportNodes {
		if fn < 0 || e.f.Exports[x].TypeOnly {
			continue
		}
		f := get(fn)
		if f.Directive == rsc.NoDirective {
			f.Directive, f.Inherited = fileDir, true
		}
	}
}

// collectCalls keeps the calls of local and imported functions that may
// run on the server (see Call).
func (e *extractor) collectCalls() {
	for _, i := range e.callCands {
		fn := e.fnOf[i]
		if e.guarded[fn] || e.guarded[-1] {
			continue // the code tests where it runs
		}
		c := Call{Span: e.span(i), Stmt: int(e.stmtOf[i]), Context: e.context(i), EveryCall: e.everyCall(i, fn)}
		if c.Context == Deferred {
			if c.Caller = e.moduleFuncName(int(fn)); c.Caller == "" {
				continue // a callback: when it runs is not known
			}
		}
		c.Ref = e.refOf(e.t.ChildByField(i, syntax.FieldFunction))
		if c.Ref.Kind != RefLocalFunction && c.Ref.Kind != RefImport {
			continue
		}
		e.f.Calls = append(e.f.Calls, c)
	}
}

// moduleFuncName returns the module-scope name of function node fn: a
// function declaration at the top level, or a function or arrow assigned
// to a top-level const; "" for any other function.
func (e *extractor) moduleFuncName(fn int) string {
	if fn < 0 {
		return ""
	}
	t := e.t
	topLevel := func(n int) bool {
		p := e.parent(n)
		return p == 0 || (e.kind(p) == syntax.KindExportStatement && e.parent(p) == 0)
	}
	switch e.kind(fn) {
	case syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration:
		if name := t.ChildByField(fn, syntax.FieldName); name >= 0 && topLevel(fn) {
			return e.text(name)
		}
	case syntax.KindFunctionExpression, syntax.KindArrowFunction:
		p := e.parent(fn)
		for p >= 0 {
			switch e.kind(p) {
			case syntax.KindParenthesizedExpression, syntax.KindAsExpression, syntax.KindSatisfiesExpression:
				p = e.parent(p)
				continue
			}
			break
		}
		if p < 0 || e.kind(p) != syntax.KindVariableDeclarator {
			return ""
		}
		name := t.ChildByField(p, syntax.FieldName)
		if decl := e.parent(p); name >= 0 && e.kind(name) == syntax.KindIdentifier && (e.kind(decl) == syntax.KindLexicalDeclaration || e.kind(decl) == syntax.KindVariableDeclaration) && topLevel(decl) {
			return e.text(name)
		}
	}
	return ""
}

// everyCall reports whether node runs on every call of its function fn:
// no condition, loop or try between them, no return before it, and no
// hook call in fn.
func (e *extractor) everyCall(node int, fn int32) bool {
	return !e.hookFns[fn] && e.unconditional(node, fn)
}

// unconditional reports whether node runs whenever the body of fn (-1:
// the module) runs to its end: no condition, loop or try between them and
// no return before it.
func (e *extractor) unconditional(node int, fn int32) bool {
	start := e.span(node).Start
	for _, r := range e.returnsIn[fn] {
		if r.End <= start {
			return false
		}
	}
	for p := e.parent(node); p >= 0 && p != int(fn); p = e.parent(p) {
		switch e.kind(p) {
		case syntax.KindIfStatement, syntax.KindTernaryExpression, syntax.KindSwitchStatement,
			syntax.KindForStatement, syntax.KindForInStatement, syntax.KindWhileStatement, syntax.KindDoStatement,
			syntax.KindTryStatement, syntax.KindCatchClause:
			return false
		case syntax.KindBinaryExpression:
			if e.t.HasToken(p, syntax.TokAnd) || e.t.HasToken(p, syntax.TokOr) || e.t.HasToken(p, syntax.TokNullish) {
				return false
			}
		case syntax.KindPublicFieldDefinition:
			if !e.t.HasToken(p, syntax.TokStatic) {
				return false // an instance field: set when an instance is made
			}
		}
	}
	return true
}
