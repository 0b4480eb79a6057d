package requestincache

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

// Summary is what the check keeps of a file: its module-scope functions
// and its 'use cache' functions, with the request-time APIs each calls and
// the functions each calls.
type Summary struct {
	Funcs []Func
}

// Func is one function of the file.
type Func struct {
	Name    string   // its module-scope binding, "" for an inner function
	Exports []string // the names it is exported as
	// Cache is set for a 'use cache' function, its own directive or the
	// file's; CacheKind is the kind it names ("private", ...).
	Cache     bool
	CacheKind string
	Uses      []Use
	Calls     []Call
}

// Use is a call of a request-time API.
type Use struct {
	Name string // the API as rsc.APIs names it: cookies, draftMode, ...
	Expr string // the call as messages show it: cookies(), draftMode().enable()
	Span facts.Span
}

// Call is a call of a function the check can follow: a module-scope
// function of the file (Local) or an imported binding (Import).
type Call struct {
	Local    int // index into Summary.Funcs, or -1
	Import   int // index into the file's imports, or -1
	Imported string
	Name     string // the callee as written
	Span     facts.Span
}

func fileFact(pass *analysis.Pass) any {
	if pass.File.InNodeModules || pass.Syntax == nil {
		return nil
	}
	f := pass.File.Facts
	t := pass.Syntax.Tree
	s := &summarizer{t: t, f: f, byNode: map[int]int{}, own: map[int]bool{}, bindings: map[string]int{}}
	for i, b := range f.Bindings {
		if _, dup := s.bindings[b.Name]; !dup {
			s.bindings[b.Name] = i
		}
	}
	fileKind := ""
	if d := f.Directive(rsc.UseCache); d != nil {
		fileKind = d.CacheKind
	}
	s.moduleFunctions()
	for x, node := range pass.Syntax.ExportNodes {
		exp := &f.Exports[x]
		if node < 0 || exp.TypeOnly {
			continue
		}
		k := s.add(node, "")
		s.out.Funcs[k].Exports = append(s.out.Funcs[k].Exports, exp.Name)
	}
	for _, exp := range f.Exports {
		if exp.TypeOnly || exp.Source != "" || exp.Local == "" {
			continue
		}
		if k, ok := s.byName(exp.Local); ok && !contains(s.out.Funcs[k].Exports, exp.Name) {
			s.out.Funcs[k].Exports = append(s.out.Funcs[k].Exports, exp.Name)
		}
	}
	for _, fn := range pass.Syntax.Funcs {
		if fn.Directive == rsc.NoDirective {
			continue
		}
		if !fn.Inherited {
			s.own[fn.Node] = true
		}
		if fn.Directive != rsc.UseCache {
			continue
		}
		k := s.add(fn.Node, "")
		s.out.Funcs[k].Cache = true
		s.out.Funcs[k].CacheKind = fn.CacheKind
		if fn.Inherited {
			s.out.Funcs[k].CacheKind = fileKind
		}
	}
	// A 'use server' function is its own entry point: what it calls does
	// not run in the scope of a cached caller.
	for node, k := range s.byNode {
		if s.own[node] && !s.out.Funcs[k].Cache {
			s.out.Funcs[k].Calls, s.out.Funcs[k].Uses = nil, nil
			continue
		}
		s.body(k, node)
	}
	for _, fn := range s.out.Funcs {
		if len(fn.Uses) > 0 || len(fn.Calls) > 0 {
			// A copy: &s.out would keep the summarizer, and with it the
			// file's syntax tree, alive as long as the fact.
			out := s.out
			return &out
		}
	}
	return nil
}

type summarizer struct {
	t        *syntax.Tree
	f        *facts.File
	out      Summary
	byNode   map[int]int    // function node → index in out.Funcs
	own      map[int]bool   // function nodes with their own directive
	bindings map[string]int // module-scope name → index in f.Bindings
}

func (s *summarizer) add(node int, name string) int {
	if k, ok := s.byNode[node]; ok {
		if s.out.Funcs[k].Name == "" {
			s.out.Funcs[k].Name = name
		}
		return k
	}
	s.byNode[node] = len(s.out.Funcs)
	s.out.Funcs = append(s.out.Funcs, Func{Name: name})
	return len(s.out.Funcs) - 1
}

func (s *summarizer) byName(name string) (int, bool) {
	for k, fn := range s.out.Funcs {
		if fn.Name == name {
			return k, true
		}
	}
	return 0, false
}

func isFunction(k syntax.Kind) bool {
	switch k {
	case syntax.KindFunctionDeclaration, syntax.KindFunctionExpression, syntax.KindArrowFunction,
		syntax.KindGeneratorFunction, syntax.KindGeneratorFunctionDeclaration:
		return true
	}
	return false
}

// moduleFunctions adds the functions bound at module scope: declarations,
// and const f = () => ..., or a function wrapped in a call such as React's
// cache(async () => ...).
func (s *summarizer) moduleFunctions() {
	t := s.t
	t.Children(0, func(stmt int) {
		if t.Kind(stmt) == syntax.KindExportStatement {
			if d := t.ChildByField(stmt, syntax.FieldDeclaration); d >= 0 {
				stmt = d
			}
		}
		switch t.Kind(stmt) {
		case syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration:
			if n := t.ChildByField(stmt, syntax.FieldName); n >= 0 {
				s.add(stmt, t.Text(n))
			}
		case syntax.KindLexicalDeclaration, syntax.KindVariableDeclaration:
			t.Children(stmt, func(d int) {
				if t.Kind(d) != syntax.KindVariableDeclarator {
					return
				}
				n := t.ChildByField(d, syntax.FieldName)
				if n < 0 || t.Kind(n) != syntax.KindIdentifier {
					return
				}
				if fn := s.functionValue(t.ChildByField(d, syntax.FieldValue)); fn >= 0 {
					s.add(fn, t.Text(n))
				}
			})
		}
	})
}

// functionValue returns the function a module-scope value is: the value
// itself, or the first function argument of a call wrapping it.
func (s *summarizer) functionValue(v int) int {
	t := s.t
	v = t.Unparen(v)
	if v < 0 {
		return -1
	}
	if isFunction(t.Kind(v)) {
		return v
	}
	if t.Kind(v) != syntax.KindCallExpression {
		return -1
	}
	args := t.ChildByField(v, syntax.FieldArguments)
	found := -1
	t.Children(args, func(a int) {
		if found < 0 && isFunction(t.Kind(a)) {
			found = a
		}
	})
	return found
}

// body records the calls in function k's body, nested closures included,
// but not nested functions with a directive of their own, which are
// scopes of their own.
func (s *summarizer) body(k, node int) {
	t := s.t
	declared := s.declaredIn(node)
	end := int(t.Nodes[node].After)
	for i := node + 1; i < end; i++ {
		if s.own[i] && i != node {
			i = int(t.Nodes[i].After) - 1
			continue
		}
		if t.Kind(i) != syntax.KindCallExpression {
			continue
		}
		callee := t.Unparen(t.ChildByField(i, syntax.FieldFunction))
		span := facts.Span{Start: int(t.Nodes[i].Start), End: int(t.Nodes[i].End)}
		switch t.Kind(callee) {
		case syntax.KindIdentifier:
			name := t.Text(callee)
			if declared[name] {
				continue
			}
			s.call(k, name, span)
		case syntax.KindMemberExpression:
			// headers.cookies() through `import * as headers`, and
			// helpers.read() through a namespace of the app's modules
			if imp, name, ok := s.namespaceMember(callee, declared); ok {
				switch {
				case name == "draftMode":
					// reading draft mode is fine; toggling it is matched below
				case rsc.Lookup(rsc.RequestTime, s.f.Imports[imp].Source, name) != nil:
					s.out.Funcs[k].Uses = append(s.out.Funcs[k].Uses, Use{Name: name, Expr: name + "()", Span: span})
				default:
					s.out.Funcs[k].Calls = append(s.out.Funcs[k].Calls, Call{Local: -1, Import: imp, Imported: name, Name: t.Text(callee), Span: span})
				}
				continue
			}
			// draftMode().enable(), (await draftMode()).disable()
			prop := t.Text(t.ChildByField(callee, syntax.FieldProperty))
			if prop != "enable" && prop != "disable" {
				continue
			}
			obj := t.Unparen(t.ChildByField(callee, syntax.FieldObject))
			if t.Kind(obj) == syntax.KindAwaitExpression {
				obj = t.Unparen(t.FirstChild(obj))
				for obj >= 0 && !t.Nodes[obj].Named() {
					obj = t.NextSibling(obj)
				}
				obj = t.Unparen(obj)
			}
			if t.Kind(obj) != syntax.KindCallExpression {
				continue
			}
			inner := t.Unparen(t.ChildByField(obj, syntax.FieldFunction))
			imp, name, ok := s.namespaceMember(inner, declared)
			if !ok && t.Kind(inner) == syntax.KindIdentifier && !declared[t.Text(inner)] {
				imp, name, ok = s.imported(t.Text(inner))
			}
			if ok && name == "draftMode" && rsc.Lookup(rsc.RequestTime, s.f.Imports[imp].Source, name) != nil {
				s.out.Funcs[k].Uses = append(s.out.Funcs[k].Uses, Use{Name: name, Expr: "draftMode()." + prop + "()", Span: span})
			}
		}
	}
}

// namespaceMember reads ns.name, where ns is a namespace import (import
// * as ns) not shadowed in the function: the import and the name.
func (s *summarizer) namespaceMember(n int, declared map[string]bool) (imp int, name string, ok bool) {
	t := s.t
	if t.Kind(n) != syntax.KindMemberExpression {
		return 0, "", false
	}
	obj := t.Unparen(t.ChildByField(n, syntax.FieldObject))
	prop := t.ChildByField(n, syntax.FieldProperty)
	if t.Kind(obj) != syntax.KindIdentifier || prop < 0 || declared[t.Text(obj)] {
		return 0, "", false
	}
	imp, imported, ok := s.imported(t.Text(obj))
	if !ok || imported != "*" {
		return 0, "", false
	}
	return imp, t.Text(prop), true
}

// call records a call of the module-scope name.
func (s *summarizer) call(k int, name string, span facts.Span) {
	if imp, imported, ok := s.imported(name); ok {
		if imported == "draftMode" {
			return // reading draft mode is fine; toggling it is matched above
		}
		if rsc.Lookup(rsc.RequestTime, s.f.Imports[imp].Source, imported) != nil {
			s.out.Funcs[k].Uses = append(s.out.Funcs[k].Uses, Use{Name: imported, Expr: imported + "()", Span: span})
			return
		}
		if imported != "*" {
			s.out.Funcs[k].Calls = append(s.out.Funcs[k].Calls, Call{Local: -1, Import: imp, Imported: imported, Name: name, Span: span})
		}
		return
	}
	if _, ok := s.bindings[name]; !ok {
		return
	}
	if target, ok := s.byName(name); ok && target != k {
		s.out.Funcs[k].Calls = append(s.out.Funcs[k].Calls, Call{Local: target, Import: -1, Name: name, Span: span})
	}
}

// imported returns the import a module-scope name is bound by.
func (s *summarizer) imported(name string) (imp int, imported string, ok bool) {
	b, found := s.bindings[name]
	if !found {
		return 0, "", false
	}
	bd := &s.f.Bindings[b]
	if bd.Kind != facts.BindImport || bd.Import < 0 || bd.Import >= len(s.f.Imports) {
		return 0, "", false
	}
	i := &s.f.Imports[bd.Import]
	if i.TypeOnly || bd.ImportName < 0 || bd.ImportName >= len(i.Names) || i.Names[bd.ImportName].TypeOnly {
		return 0, "", false
	}
	return bd.Import, i.Names[bd.ImportName].Imported, true
}

// declaredIn collects the names a function declares inside itself
// (parameters, variables, inner functions): a call of one of them is not
// a call of the module-scope name. It over-collects, which only makes
// the check quieter.
func (s *summarizer) declaredIn(node int) map[string]bool {
	t := s.t
	out := map[string]bool{}
	end := int(t.Nodes[node].After)
	for i := node + 1; i < end; i++ {
		switch t.Kind(i) {
		case syntax.KindFormalParameters:
			for j := i + 1; j < int(t.Nodes[i].After); j++ {
				if t.Kind(j) == syntax.KindIdentifier || t.Kind(j) == syntax.KindShorthandPropertyIdentifierPattern {
					out[t.Text(j)] = true
				}
			}
		case syntax.KindVariableDeclarator:
			n := t.ChildByField(i, syntax.FieldName)
			for j := n; j >= 0 && j < int(t.Nodes[n].After); j++ {
				if t.Kind(j) == syntax.KindIdentifier || t.Kind(j) == syntax.KindShorthandPropertyIdentifierPattern {
					out[t.Text(j)] = true
				}
			}
		case syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration, syntax.KindClassDeclaration:
			if n := t.ChildByField(i, syntax.FieldName); n >= 0 {
				out[t.Text(n)] = true
			}
		case syntax.KindCatchClause:
			if p := t.ChildByField(i, syntax.FieldParameter); p >= 0 {
				for j := p; j < int(t.Nodes[p].After); j++ {
					if t.Kind(j) == syntax.KindIdentifier {
						out[t.Text(j)] = true
					}
				}
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
