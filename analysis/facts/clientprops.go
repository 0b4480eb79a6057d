package facts

import (
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

// clientProps records, for a 'use client' module, the destructured props of
// its exported components whose declared type is a function or a class.
// A Server Component can only pass such a prop if it is a Server Function,
// which is what Next.js's TypeScript plugin warns about (by type, and
// without knowing whether any Server Component renders the component).
func (e *extractor) clientProps() {
	if !e.f.Has(rsc.UseClient) {
		return
	}
	t := e.t
	for x, fn := range e.loc.ExportNodes {
		exp := &e.f.Exports[x]
		if fn < 0 || exp.TypeOnly || (exp.Name != "default" && !rsc.IsComponentName(exp.Name)) {
			continue
		}
		params := t.ChildByField(fn, syntax.FieldParameters)
		if params < 0 {
			continue
		}
		param := e.firstNamed(params)
		if k := e.kind(param); k != syntax.KindRequiredParameter && k != syntax.KindOptionalParameter {
			continue
		}
		pattern := t.ChildByField(param, syntax.FieldPattern)
		if e.kind(pattern) != syntax.KindObjectPattern {
			continue // the Next.js plugin only looks at destructured props
		}
		typ := e.firstNamed(t.ChildByField(param, syntax.FieldType))
		if typ < 0 {
			typ = e.declaredComponentProps(fn)
		}
		members := map[string]memberKind{}
		e.typeMembers(typ, members, 0)
		t.Children(pattern, func(c int) {
			nameNode := -1
			switch e.kind(c) {
			case syntax.KindShorthandPropertyIdentifierPattern:
				nameNode = c
			case syntax.KindPairPattern:
				nameNode = t.ChildByField(c, syntax.FieldKey)
			case syntax.KindObjectAssignmentPattern:
				nameNode = t.ChildByField(c, syntax.FieldLeft)
			}
			if nameNode < 0 {
				return
			}
			name := unquote(e.text(nameNode))
			if k := members[name]; k != memberData {
				e.f.ClientProps = append(e.f.ClientProps, ClientProp{Component: exp.Name, Prop: name, Span: e.span(nameNode), Class: k == memberClass})
			}
		})
	}
}

type memberKind uint8

const (
	memberData memberKind = iota
	memberFunction
	memberClass
)

// declaredComponentProps finds P in `const X: FC<P> = (...) => ...`.
func (e *extractor) declaredComponentProps(fn int) int {
	t := e.t
	decl := e.parent(fn)
	for depth := 0; depth < 3 && decl >= 0 && e.kind(decl) != syntax.KindVariableDeclarator; depth++ {
		decl = e.parent(decl) // through memo(...) or forwardRef(...)
	}
	if e.kind(decl) != syntax.KindVariableDeclarator {
		return -1
	}
	typ := e.firstNamed(t.ChildByField(decl, syntax.FieldType))
	if e.kind(typ) != syntax.KindGenericType {
		return -1
	}
	return e.firstNamed(t.ChildByField(typ, syntax.FieldTypeArguments))
}

// typeMembers collects the members of an object-like type: a literal, a
// local interface or type alias, or an intersection of those.
func (e *extractor) typeMembers(typ int, out map[string]memberKind, depth int) {
	t := e.t
	if typ < 0 || depth > 8 {
		return
	}
	switch e.kind(typ) {
	case syntax.KindObjectType, syntax.KindInterfaceBody:
		t.Children(typ, func(m int) {
			name := t.ChildByField(m, syntax.FieldName)
			if name < 0 {
				return
			}
			switch e.kind(m) {
			case syntax.KindMethodSignature:
				out[unquote(e.text(name))] = memberFunction
			case syntax.KindPropertySignature:
				out[unquote(e.text(name))] = e.typeKind(e.firstNamed(t.ChildByField(m, syntax.FieldType)), 0)
			}
		})
	case syntax.KindTypeIdentifier:
		e.typeMembers(e.localType(e.text(typ)), out, depth+1)
	case syntax.KindGenericType:
		if name := t.ChildByField(typ, syntax.FieldName); e.kind(name) == syntax.KindTypeIdentifier {
			e.typeMembers(e.localType(e.text(name)), out, depth+1)
		}
	case syntax.KindIntersectionType, syntax.KindParenthesizedType:
		t.Children(typ, func(c int) {
			if e.nodes[c].Named() {
				e.typeMembers(c, out, depth+1)
			}
		})
	}
}

// typeKind tells function and constructor types from data.
func (e *extractor) typeKind(typ, depth int) memberKind {
	if typ < 0 || depth > 8 {
		return memberData
	}
	switch e.kind(typ) {
	case syntax.KindFunctionType:
		return memberFunction
	case syntax.KindConstructorType:
		return memberClass
	case syntax.KindTypeIdentifier:
		if e.text(typ) == "Function" {
			return memberFunction
		}
	case syntax.KindUnionType, syntax.KindParenthesizedType:
		kind := memberData
		e.t.Children(typ, func(c int) {
			if k := e.typeKind(c, depth+1); k != memberData {
				kind = k
			}
		})
		return kind
	}
	return memberData
}

// localType returns the body of a module-level interface or the value of a
// type alias named name, or -1.
func (e *extractor) localType(name string) int {
	for _, s := range e.stmtNodes {
		decl := s
		if e.kind(s) == syntax.KindExportStatement {
			decl = e.t.ChildByField(s, syntax.FieldDeclaration)
		}
		switch e.kind(decl) {
		case syntax.KindInterfaceDeclaration:
			if n := e.t.ChildByField(decl, syntax.FieldName); n >= 0 && e.text(n) == name {
				return e.t.ChildByField(decl, syntax.FieldBody)
			}
		case syntax.KindTypeAliasDeclaration:
			if n := e.t.ChildByField(decl, syntax.FieldName); n >= 0 && e.text(n) == name {
				return e.t.ChildByField(decl, syntax.FieldValue)
			}
		}
	}
	return -1
}
