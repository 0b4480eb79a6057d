package cliententryprops

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

// Props is what the check keeps of a file: for a 'use client' module, the
// destructured props of its exported components whose declared type is a
// function or a class. A Server Component can only pass such a prop if it
// is a Server Function, which is what Next.js's TypeScript plugin warns
// about (by type, and without knowing whether any Server Component renders
// the component).
type Props struct {
	List []Prop
}

// Prop is one such prop.
type Prop struct {
	Component string // the export name
	Prop      string
	Span      facts.Span // the prop in the parameter pattern
	Class     bool       // a constructor or class type rather than a function type
}

// fileFact extracts the Props of a file, or nil.
func fileFact(pass *analysis.Pass) any {
	f := pass.File.Facts
	if !f.Has(rsc.UseClient) {
		return nil
	}
	x := &extractor{t: pass.Syntax.Tree}
	var out []Prop
	for i, fn := range pass.Syntax.ExportNodes {
		exp := &f.Exports[i]
		if fn < 0 || exp.TypeOnly || (exp.Name != "default" && !rsc.IsComponentName(exp.Name)) {
			continue
		}
		out = x.props(exp.Name, fn, out)
	}
	if len(out) == 0 {
		return nil
	}
	return &Props{List: out}
}

type extractor struct{ t *syntax.Tree }

type memberKind uint8

const (
	memberData memberKind = iota
	memberFunction
	memberClass
)

func (x *extractor) kind(i int) syntax.Kind { return x.t.Kind(i) }
func (x *extractor) text(i int) string      { return x.t.Text(i) }
func (x *extractor) parent(i int) int       { return int(x.t.Nodes[i].Parent) }
func (x *extractor) span(i int) facts.Span {
	return facts.Span{Start: int(x.t.Nodes[i].Start), End: int(x.t.Nodes[i].End)}
}

// firstNamed returns the first named child of i that is not a comment.
func (x *extractor) firstNamed(i int) int {
	if i < 0 {
		return -1
	}
	end := int(x.t.Nodes[i].After)
	for c := i + 1; c < end; c = int(x.t.Nodes[c].After) {
		if n := &x.t.Nodes[c]; n.Named() && n.Kind != syntax.KindComment {
			return c
		}
	}
	return -1
}

// props appends the function- and class-typed props of the component
// function fn, exported as name.
func (x *extractor) props(name string, fn int, out []Prop) []Prop {
	t := x.t
	params := t.ChildByField(fn, syntax.FieldParameters)
	if params < 0 {
		return out
	}
	param := x.firstNamed(params)
	if k := x.kind(param); k != syntax.KindRequiredParameter && k != syntax.KindOptionalParameter {
		return out
	}
	pattern := t.ChildByField(param, syntax.FieldPattern)
	if x.kind(pattern) != syntax.KindObjectPattern {
		return out // the Next.js plugin only looks at destructured props
	}
	typ := x.firstNamed(t.ChildByField(param, syntax.FieldType))
	if typ < 0 {
		typ = x.declaredComponentProps(fn)
	}
	members := map[string]memberKind{}
	x.typeMembers(typ, members, 0)
	t.Children(pattern, func(c int) {
		nameNode := -1
		switch x.kind(c) {
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
		prop := unquote(x.text(nameNode))
		if k := members[prop]; k != memberData {
			out = append(out, Prop{Component: name, Prop: prop, Span: x.span(nameNode), Class: k == memberClass})
		}
	})
	return out
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

// declaredComponentProps finds P in `const X: FC<P> = (...) => ...`.
func (x *extractor) declaredComponentProps(fn int) int {
	t := x.t
	decl := x.parent(fn)
	for depth := 0; depth < 3 && decl >= 0 && x.kind(decl) != syntax.KindVariableDeclarator; depth++ {
		decl = x.parent(decl) // through memo(...) or forwardRef(...)
	}
	if x.kind(decl) != syntax.KindVariableDeclarator {
		return -1
	}
	typ := x.firstNamed(t.ChildByField(decl, syntax.FieldType))
	if x.kind(typ) != syntax.KindGenericType {
		return -1
	}
	return x.firstNamed(t.ChildByField(typ, syntax.FieldTypeArguments))
}

// typeMembers collects the members of an object-like type: a literal, a
// local interface or type alias, or an intersection of those.
func (x *extractor) typeMembers(typ int, out map[string]memberKind, depth int) {
	t := x.t
	if typ < 0 || depth > 8 {
		return
	}
	switch x.kind(typ) {
	case syntax.KindObjectType, syntax.KindInterfaceBody:
		t.Children(typ, func(m int) {
			name := t.ChildByField(m, syntax.FieldName)
			if name < 0 {
				return
			}
			switch x.kind(m) {
			case syntax.KindMethodSignature:
				out[unquote(x.text(name))] = memberFunction
			case syntax.KindPropertySignature:
				out[unquote(x.text(name))] = x.typeKind(x.firstNamed(t.ChildByField(m, syntax.FieldType)), 0)
			}
		})
	case syntax.KindTypeIdentifier:
		x.typeMembers(x.localType(x.text(typ)), out, depth+1)
	case syntax.KindGenericType:
		if name := t.ChildByField(typ, syntax.FieldName); x.kind(name) == syntax.KindTypeIdentifier {
			x.typeMembers(x.localType(x.text(name)), out, depth+1)
		}
	case syntax.KindIntersectionType, syntax.KindParenthesizedType:
		t.Children(typ, func(c int) {
			if t.Nodes[c].Named() {
				x.typeMembers(c, out, depth+1)
			}
		})
	}
}

// typeKind tells function and constructor types from data.
func (x *extractor) typeKind(typ, depth int) memberKind {
	if typ < 0 || depth > 8 {
		return memberData
	}
	switch x.kind(typ) {
	case syntax.KindFunctionType:
		return memberFunction
	case syntax.KindConstructorType:
		return memberClass
	case syntax.KindTypeIdentifier:
		if x.text(typ) == "Function" {
			return memberFunction
		}
	case syntax.KindUnionType, syntax.KindParenthesizedType:
		kind := memberData
		x.t.Children(typ, func(c int) {
			if k := x.typeKind(c, depth+1); k != memberData {
				kind = k
			}
		})
		return kind
	}
	return memberData
}

// localType returns the body of a module-level interface or the value of
// a type alias named name, or -1.
func (x *extractor) localType(name string) int {
	t := x.t
	if len(t.Nodes) == 0 {
		return -1
	}
	for s := t.FirstChild(0); s >= 0; s = t.NextSibling(s) {
		if n := &t.Nodes[s]; !n.Named() || n.Kind == syntax.KindComment {
			continue
		}
		decl := s
		if x.kind(s) == syntax.KindExportStatement {
			decl = t.ChildByField(s, syntax.FieldDeclaration)
		}
		switch x.kind(decl) {
		case syntax.KindInterfaceDeclaration:
			if n := t.ChildByField(decl, syntax.FieldName); n >= 0 && x.text(n) == name {
				return t.ChildByField(decl, syntax.FieldBody)
			}
		case syntax.KindTypeAliasDeclaration:
			if n := t.ChildByField(decl, syntax.FieldName); n >= 0 && x.text(n) == name {
				return t.ChildByField(decl, syntax.FieldValue)
			}
		}
	}
	return -1
}
