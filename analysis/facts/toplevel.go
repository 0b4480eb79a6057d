package facts

import (
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

// topLevel reads the module prologue and the export statements.
func (e *extractor) topLevel() {
	t := e.t
	prologue := true
	e.f.FirstStmt = -1
	for s, i := range e.stmtNodes {
		if e.f.FirstStmt < 0 && e.kind(i) != syntax.KindHashBang {
			e.f.FirstStmt = int(e.nodes[i].Start)
		}
		if prologue {
			if e.kind(i) != syntax.KindExpressionStatement {
				prologue = false
			} else if str := e.firstNamed(i); e.kind(str) == syntax.KindString {
				v, _ := t.StringValue(str)
				if k, ck := rsc.ParseDirective(v); k != rsc.NoDirective {
					e.f.Directives = append(e.f.Directives, Directive{Kind: k, CacheKind: ck, Text: v, Span: e.span(str), Stmt: e.stmtSpan(i, str)})
				}
			} else {
				prologue = false
			}
		}
		if e.kind(i) == syntax.KindExportStatement {
			e.exportStatement(i, s)
		}
	}
	if e.f.FirstStmt < 0 {
		e.f.FirstStmt = len(t.Src)
	}
}

func (e *extractor) addExport(x Export, node int) {
	e.f.Exports = append(e.f.Exports, x)
	e.loc.ExportNodes = append(e.loc.ExportNodes, node)
}

func (e *extractor) exportStatement(i, stmt int) {
	t := e.t
	span := e.span(i)
	isDefault := t.HasToken(i, syntax.TokDefault)
	typeOnly := t.HasToken(i, syntax.TokType)

	if src := t.ChildByField(i, syntax.FieldSource); src >= 0 {
		e.reExport(i, src, stmt, typeOnly)
		return
	}
	if decl := t.ChildByField(i, syntax.FieldDeclaration); decl >= 0 {
		e.exportDeclaration(i, decl, stmt, isDefault)
		return
	}
	if val := t.ChildByField(i, syntax.FieldValue); val >= 0 && isDefault {
		e.exportValue("default", val, span, e.span(val), stmt)
		return
	}
	if clause := t.ChildOfKind(i, syntax.KindExportClause); clause >= 0 {
		t.Children(clause, func(spec int) {
			if e.kind(spec) != syntax.KindExportSpecifier {
				return
			}
			name := t.ChildByField(spec, syntax.FieldName)
			if name < 0 {
				return
			}
			exported := name
			if alias := t.ChildByField(spec, syntax.FieldAlias); alias >= 0 {
				exported = alias
			}
			x := Export{Name: unquote(e.text(exported)), Local: e.text(name), Span: e.span(spec), NameSpan: e.span(exported),
				Kind: ExportVariable, AsyncAt: -1, Stmt: stmt, TypeOnly: typeOnly || t.HasToken(spec, syntax.TokType)}
			node := e.describeLocal(&x, name)
			e.addExport(x, node)
		})
		return
	}
	// export = x (TypeScript's CommonJS export) acts as the default export.
	if val := e.firstNamed(i); val >= 0 {
		e.exportValue("default", val, span, e.span(val), stmt)
	}
}

// describeLocal fills an export of a local name from the binding it names
// and returns the function node when it is a function.
func (e *extractor) describeLocal(x *Export, nameNode int) int {
	b := e.resolve(x.Local, nameNode)
	if b < 0 {
		x.Value = ValueUnknown
		return -1
	}
	bd := &e.binds[b]
	if bd.module >= 0 {
		x.Stmt = e.f.Bindings[bd.module].Stmt
	}
	switch bd.kind {
	case BindImport:
		if bd.module >= 0 {
			mb := &e.f.Bindings[bd.module]
			if mb.Import >= 0 {
				imp := &e.f.Imports[mb.Import]
				x.Kind, x.Source, x.Imported = ExportReExport, imp.Source, imp.Names[mb.ImportName].Imported
				x.TypeOnly = x.TypeOnly || imp.TypeOnly
			}
		}
		return -1
	case BindFunction:
		fn := int(bd.decl)
		x.Kind, x.Value = ExportFunction, ValueFunction
		e.describeFunction(x, fn)
		return fn
	case BindClass:
		x.Kind, x.Value = ExportClass, ValueClass
	case BindType:
		x.Kind, x.TypeOnly = ExportType, true
	case BindEnum:
		x.Kind = ExportEnum
		if e.t.HasToken(int(bd.decl), syntax.TokConst) {
			x.Kind, x.TypeOnly = ExportType, true
		}
	case BindNamespace:
		x.Kind = ExportNamespace
	default:
		x.Value = ValueNone
		if bd.value >= 0 {
			x.Value = e.valueKind(int(bd.value))
			if fn := e.t.Unparen(int(bd.value)); isFunctionLike(e.kind(fn)) {
				e.describeFunction(x, fn)
				return fn
			}
		}
	}
	return -1
}

func (e *extractor) describeFunction(x *Export, fn int) {
	x.Async = e.t.HasToken(fn, syntax.TokAsync)
	x.Generator = e.t.HasToken(fn, syntax.TokStar) || e.kind(fn) == syntax.KindGeneratorFunction || e.kind(fn) == syntax.KindGeneratorFunctionDeclaration
	x.FuncSpan = e.span(fn)
	x.AsyncAt = int(e.nodes[fn].Start)
	x.ServerFn = e.bodyDirective(fn) == rsc.UseServer
}

// exportValue records `export default <expr>`.
func (e *extractor) exportValue(name string, val int, span, nameSpan Span, stmt int) {
	x := Export{Name: name, Kind: ExportVariable, Span: span, NameSpan: nameSpan, AsyncAt: -1, Stmt: stmt}
	v := e.t.Unparen(val)
	x.Value = e.valueKind(v)
	node := -1
	switch {
	case isFunctionLike(e.kind(v)):
		x.Kind = ExportFunction
		e.describeFunction(&x, v)
		node = v
	case e.kind(v) == syntax.KindClass:
		x.Kind = ExportClass
	case e.kind(v) == syntax.KindIdentifier:
		x.Local = e.text(v)
		node = e.describeLocal(&x, v)
		x.Stmt = stmt
	}
	e.addExport(x, node)
}

func (e *extractor) exportDeclaration(i, decl, stmt int, isDefault bool) {
	t := e.t
	span := e.span(i)
	nameOf := func(n int) (string, Span) {
		if id := t.ChildByField(n, syntax.FieldName); id >= 0 {
			return e.text(id), e.span(id)
		}
		return "", span
	}
	mk := func(local string, nameSpan Span, kind ExportKind) Export {
		name := local
		if isDefault {
			name = "default"
		}
		return Export{Name: name, Local: local, Kind: kind, Span: span, NameSpan: nameSpan, AsyncAt: -1, Stmt: stmt}
	}
	switch e.kind(decl) {
	case syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration:
		local, ns := nameOf(decl)
		x := mk(local, ns, ExportFunction)
		x.Value = ValueFunction
		e.describeFunction(&x, decl)
		e.addExport(x, decl)
	case syntax.KindClassDeclaration, syntax.KindAbstractClassDeclaration:
		local, ns := nameOf(decl)
		x := mk(local, ns, ExportClass)
		x.Value = ValueClass
		e.addExport(x, -1)
	case syntax.KindLexicalDeclaration, syntax.KindVariableDeclaration:
		t.Children(decl, func(d int) {
			if e.kind(d) != syntax.KindVariableDeclarator {
				return
			}
			name := t.ChildByField(d, syntax.FieldName)
			if name < 0 {
				return
			}
			if e.kind(name) != syntax.KindIdentifier { // export const { a, b } = obj
				e.exportPatternNames(name, span, stmt)
				return
			}
			x := mk(e.text(name), e.span(name), ExportVariable)
			x.Span = e.span(d)
			val := t.ChildByField(d, syntax.FieldValue)
			x.Value = e.valueKind(val)
			node := -1
			if fn := t.Unparen(val); fn >= 0 && isFunctionLike(e.kind(fn)) {
				e.describeFunction(&x, fn)
				node = fn
			}
			e.addExport(x, node)
		})
	case syntax.KindEnumDeclaration:
		local, ns := nameOf(decl)
		kind := ExportEnum
		x := mk(local, ns, kind)
		if t.HasToken(decl, syntax.TokConst) {
			x.Kind, x.TypeOnly = ExportType, true
		}
		e.addExport(x, -1)
	case syntax.KindInternalModule, syntax.KindModule:
		local, ns := nameOf(decl)
		e.addExport(mk(local, ns, ExportNamespace), -1)
	case syntax.KindAmbientDeclaration: // export declare ...: erased
		if inner := e.firstNamed(decl); inner >= 0 && (e.kind(inner) == syntax.KindLexicalDeclaration || e.kind(inner) == syntax.KindVariableDeclaration) {
			t.Children(inner, func(d int) {
				if name := t.ChildByField(d, syntax.FieldName); e.kind(d) == syntax.KindVariableDeclarator && name >= 0 {
					x := mk(e.text(name), e.span(name), ExportType)
					x.TypeOnly = true
					e.addExport(x, -1)
				}
			})
			return
		} else if inner >= 0 {
			decl = inner
		}
		local, ns := nameOf(decl)
		x := mk(local, ns, ExportType)
		x.TypeOnly = true
		e.addExport(x, -1)
	default: // type, interface, function signatures: erased
		local, ns := nameOf(decl)
		x := mk(local, ns, ExportType)
		x.TypeOnly = true
		e.addExport(x, -1)
	}
}

func (e *extractor) exportPatternNames(pattern int, span Span, stmt int) {
	stack := []int{pattern}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch e.kind(n) {
		case syntax.KindIdentifier, syntax.KindShorthandPropertyIdentifierPattern:
			e.addExport(Export{Name: e.text(n), Local: e.text(n), Kind: ExportVariable, Span: span, NameSpan: e.span(n), AsyncAt: -1, Stmt: stmt}, -1)
		case syntax.KindObjectPattern, syntax.KindArrayPattern, syntax.KindRestPattern:
			stack = e.t.NamedChildren(n, stack)
		case syntax.KindPairPattern:
			stack = append(stack, e.t.ChildByField(n, syntax.FieldValue))
		case syntax.KindAssignmentPattern, syntax.KindObjectAssignmentPattern:
			stack = append(stack, e.t.ChildByField(n, syntax.FieldLeft))
		}
	}
}

// reExport records `export ... from 'x'`.
func (e *extractor) reExport(i, src, stmt int, typeOnly bool) {
	t := e.t
	source, ok := t.StringValue(src)
	if !ok {
		return
	}
	imp := Import{Kind: ImportReExport, Source: source, SourceSpan: e.span(src), Span: e.stmtSpan(i, e.lastNamed(i)), TypeOnly: typeOnly, Stmt: stmt}
	if clause := t.ChildOfKind(i, syntax.KindExportClause); clause >= 0 {
		t.Children(clause, func(spec int) {
			if e.kind(spec) != syntax.KindExportSpecifier {
				return
			}
			name := t.ChildByField(spec, syntax.FieldName)
			if name < 0 {
				return
			}
			exported := name
			if alias := t.ChildByField(spec, syntax.FieldAlias); alias >= 0 {
				exported = alias
			}
			specType := typeOnly || t.HasToken(spec, syntax.TokType)
			imported, exp := unquote(e.text(name)), unquote(e.text(exported))
			imp.Names = append(imp.Names, ImportName{Imported: imported, Exported: exp, TypeOnly: specType, Span: e.span(spec)})
			e.addExport(Export{Name: exp, Kind: ExportReExport, Source: source, Imported: imported, TypeOnly: specType,
				Span: e.span(spec), NameSpan: e.span(exported), AsyncAt: -1, Stmt: stmt}, -1)
		})
	} else if ns := t.ChildOfKind(i, syntax.KindNamespaceExport); ns >= 0 {
		imp.Kind = ImportExportAll
		name := ""
		if id := e.firstNamed(ns); id >= 0 {
			name = unquote(e.text(id))
		}
		imp.Names = []ImportName{{Imported: "*", Exported: name, TypeOnly: typeOnly, Span: e.span(ns)}}
		e.addExport(Export{Name: name, Kind: ExportReExport, Source: source, Imported: "*", TypeOnly: typeOnly,
			Span: e.span(i), NameSpan: e.span(ns), AsyncAt: -1, Stmt: stmt}, -1)
	} else {
		imp.Kind = ImportExportAll
		e.addExport(Export{Name: "*", Kind: ExportAll, Source: source, TypeOnly: typeOnly, Span: imp.Span, NameSpan: imp.Span, AsyncAt: -1, Stmt: stmt}, -1)
	}
	e.f.Imports = append(e.f.Imports, imp)
}
