package facts

import (
	"sort"

	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

// Container says where a string statement stands.
type Container uint8

const (
	InModule       Container = iota // a top-level statement
	InFunctionBody                  // a statement of a function body
	InNestedBlock                   // inside a block, if, loop, try, switch, label or static block
)

// StringStmt is an expression statement whose expression is a string
// literal: a directive, a misplaced one, or a misspelt one.
type StringStmt struct {
	Value     string // the literal's contents
	Span      Span   // the string literal
	Stmt      Span   // the whole statement
	Node      int    // the expression_statement node
	Paren     bool   // written as ('use client')
	Container Container
	Func      int  // innermost enclosing function node, -1 outside functions
	Prologue  bool // in the directive prologue of its module or function body
}

// Func is a function with a directive, its own or inherited from the file.
type Func struct {
	Node       int
	Body       int // the statement_block, -1 for an expression-bodied arrow
	Name       string
	Directive  rsc.DirectiveKind
	CacheKind  string
	Inherited  bool // the directive comes from the file: an export of a 'use server' / 'use cache' file
	Async      bool
	Method     bool // a class or object method
	InClass    bool
	Static     bool
	AsyncAt    int   // where `async ` would go
	Directives []int // indexes into Local.Strings of the body's prologue directives
}

// Local holds what the single-file checks need besides the facts; it refers
// into the syntax tree and is dropped with it.
type Local struct {
	Tree    *syntax.Tree
	Strings []StringStmt
	Funcs   []Func
	// ExportNodes[i] is the function node of Exports[i], or -1.
	ExportNodes []int
}

// Extract computes the facts of a parsed file.
func Extract(t *syntax.Tree) (*File, *Local) { return ExtractWithin(t, nil) }

// ExtractWithin is Extract under a deadline: it panics with a
// *syntax.BudgetError when the deadline passes (see syntax.Deadline).
func ExtractWithin(t *syntax.Tree, dl *syntax.Deadline) (*File, *Local) {
	e := newExtractor(t)
	e.dl = dl
	e.computeAncestry()
	e.declarations()
	e.resolveIdentifiers()
	e.topLevel()
	e.uses()
	e.finish()
	return e.f, e.loc
}

type scopeKey struct {
	scope int32
	name  string
}

// binding is any declared name, module-scope or inner.
type binding struct {
	name   string
	scope  int32
	kind   BindingKind
	decl   int32 // the declaring node (declarator, function, class, parameter pattern, ...)
	value  int32 // for variables: the initialiser node, -1 if none
	module int32 // index into File.Bindings for module-scope bindings, else -1
}

type extractor struct {
	t     *syntax.Tree
	nodes []syntax.Node
	dl    *syntax.Deadline // checked once per node in each sweep
	f     *File
	loc   *Local

	stmtOf []int32 // top-level statement index of each node (-1 for the root)
	fnOf   []int32 // innermost enclosing function node (-1 if none)
	isBind []bool  // identifier nodes that declare a name
	inType []bool  // nodes inside a type (annotation, alias, interface, typeof in a type): erased by TypeScript

	// blockOf and funcOf answer blockScopeOf and funcScopeOf, and resolved
	// the resolution of identifiers named in inner scopes, without walking
	// up the tree: per-node walks are quadratic in deeply nested code.
	blockOf, funcOf []int32
	resolved        []int32 // binding of each identifier node, or unresolved

	lineStarts []int // offsets where lines start, indexed on first use

	binds      []binding
	byScope    map[scopeKey]int32
	innerNames map[string]bool // names declared in some non-module scope

	stmtNodes []int          // node index of each top-level statement
	stmtRefs  []map[int]bool // per statement: referenced statements

	guarded     map[int32]bool // functions (or -1: module scope) that test typeof of a browser global
	globalCands []globalCand
	callCands   []int          // call expressions of local or imported functions
	hookFns     map[int32]bool // functions that call a hook
	// functions that call a hook that may suspend or bail out of server
	// rendering (any but react's plain ones: see hookCall)
	stoppingHookFns map[int32]bool
	returnsIn       map[int32][]Span // per function, its return statements

	requireCalls map[int]bool // require() calls already recorded as module-scope imports
}

type globalCand struct {
	name string
	node int
}

func newExtractor(t *syntax.Tree) *extractor {
	n := len(t.Nodes)
	return &extractor{
		t:               t,
		nodes:           t.Nodes,
		f:               &File{HasErrors: t.HasError},
		loc:             &Local{Tree: t},
		stmtOf:          make([]int32, n),
		fnOf:            make([]int32, n),
		isBind:          make([]bool, n),
		inType:          make([]bool, n),
		blockOf:         make([]int32, n),
		funcOf:          make([]int32, n),
		byScope:         map[scopeKey]int32{},
		innerNames:      map[string]bool{},
		guarded:         map[int32]bool{},
		hookFns:         map[int32]bool{},
		stoppingHookFns: map[int32]bool{},
		returnsIn:       map[int32][]Span{},

		requireCalls: map[int]bool{},
	}
}

func (e *extractor) kind(i int) syntax.Kind { return e.t.Kind(i) }
func (e *extractor) span(i int) Span {
	n := &e.nodes[i]
	return Span{int(n.Start), int(n.End)}
}
func (e *extractor) text(i int) string { return e.t.Text(i) }
func (e *extractor) parent(i int) int  { return int(e.nodes[i].Parent) }

func isFunctionLike(k syntax.Kind) bool {
	switch k {
	case syntax.KindFunctionDeclaration, syntax.KindFunctionExpression, syntax.KindArrowFunction,
		syntax.KindGeneratorFunction, syntax.KindGeneratorFunctionDeclaration, syntax.KindMethodDefinition:
		return true
	}
	return false
}

// isTypeContext reports whether everything below a node of kind k is a
// type, which TypeScript erases: identifiers there name no runtime value.
func isTypeContext(k syntax.Kind) bool {
	switch k {
	case syntax.KindTypeAnnotation, syntax.KindTypeArguments, syntax.KindTypeParameters, syntax.KindTypeQuery,
		syntax.KindNestedTypeIdentifier, syntax.KindImplementsClause, syntax.KindExtendsTypeClause,
		syntax.KindTypeAliasDeclaration, syntax.KindInterfaceDeclaration, syntax.KindAmbientDeclaration,
		syntax.KindFunctionSignature, syntax.KindMethodSignature, syntax.KindAbstractMethodSignature,
		syntax.KindPropertySignature, syntax.KindObjectType:
		return true
	}
	return false
}

func isBlockScope(k syntax.Kind) bool {
	switch k {
	case syntax.KindProgram, syntax.KindStatementBlock, syntax.KindForStatement, syntax.KindForInStatement,
		syntax.KindSwitchBody, syntax.KindClassStaticBlock, syntax.KindError:
		return true
	}
	return false
}

func isScopeNode(k syntax.Kind) bool {
	return isBlockScope(k) || isFunctionLike(k) || k == syntax.KindCatchClause || k == syntax.KindClass
}

// computeAncestry fills stmtOf and fnOf in one pre-order sweep: parents
// come before their children.
func (e *extractor) computeAncestry() {
	if len(e.nodes) == 0 {
		return
	}
	e.stmtOf[0], e.fnOf[0] = -1, -1
	for i := 1; i < len(e.nodes); i++ {
		e.dl.Check()
		p := e.nodes[i].Parent
		if p == 0 {
			e.stmtOf[i] = -1
			if n := &e.nodes[i]; n.Named() && n.Kind != syntax.KindComment {
				e.stmtOf[i] = int32(len(e.stmtNodes))
				e.stmtNodes = append(e.stmtNodes, i)
			}
		} else {
			e.stmtOf[i] = e.stmtOf[p]
		}
		e.inType[i] = e.inType[p] || isTypeContext(e.nodes[p].Kind)
		if isFunctionLike(e.nodes[p].Kind) {
			e.fnOf[i] = p
		} else {
			e.fnOf[i] = e.fnOf[p]
		}
		if pk := e.nodes[p].Kind; isBlockScope(pk) {
			e.blockOf[i] = p
		} else {
			e.blockOf[i] = e.blockOf[p]
		}
		if pk := e.nodes[p].Kind; isFunctionLike(pk) || pk == syntax.KindProgram || pk == syntax.KindError {
			e.funcOf[i] = p
		} else {
			e.funcOf[i] = e.funcOf[p]
		}
	}
	e.stmtRefs = make([]map[int]bool, len(e.stmtNodes))
	e.f.Stmts = make([]Stmt, len(e.stmtNodes))
	for s, i := range e.stmtNodes {
		e.f.Stmts[s] = Stmt{Span: e.span(i), Decl: e.isDeclStmt(i), Pure: e.isPureStmt(i)}
	}
}

// isDeclStmt tells declarations (whose function bodies run only when
// something uses them) from statements that run code when the module loads.
func (e *extractor) isDeclStmt(i int) bool {
	switch e.kind(i) {
	case syntax.KindImportStatement, syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration,
		syntax.KindClassDeclaration, syntax.KindAbstractClassDeclaration, syntax.KindLexicalDeclaration,
		syntax.KindVariableDeclaration, syntax.KindTypeAliasDeclaration, syntax.KindInterfaceDeclaration,
		syntax.KindEnumDeclaration, syntax.KindAmbientDeclaration, syntax.KindExportStatement,
		syntax.KindFunctionSignature, syntax.KindEmptyStatement, syntax.KindModule, syntax.KindInternalModule:
		return true
	case syntax.KindExpressionStatement:
		// Directives and other string statements do nothing.
		_, ok := e.t.StringValue(e.t.Unparen(e.firstNamed(i)))
		return ok
	}
	return false
}

func (e *extractor) firstNamed(i int) int {
	if i < 0 {
		return -1
	}
	end := int(e.nodes[i].After)
	for c := i + 1; c < end; c = int(e.nodes[c].After) {
		if n := &e.nodes[c]; n.Named() && n.Kind != syntax.KindComment {
			return c
		}
	}
	return -1
}

// blockScopeOf returns the nearest enclosing block scope (0: the program).
func (e *extractor) blockScopeOf(i int) int32 { return e.blockOf[i] }

// funcScopeOf returns the nearest enclosing function, or the program or
// error node that stands for one.
func (e *extractor) funcScopeOf(i int) int32 { return e.funcOf[i] }

func (e *extractor) declare(scope int32, nameNode int, kind BindingKind, decl, value int) {
	name := e.text(nameNode)
	if name == "" {
		return
	}
	e.isBind[nameNode] = true
	key := scopeKey{scope, name}
	if _, dup := e.byScope[key]; dup {
		return // a redeclaration or overload: the first one stands
	}
	b := binding{name: name, scope: scope, kind: kind, decl: int32(decl), value: int32(value), module: -1}
	if scope == 0 {
		b.module = int32(len(e.f.Bindings))
		mb := Binding{Name: name, Kind: kind, Stmt: int(e.stmtOf[decl]), Import: -1, ImportName: -1}
		if value >= 0 {
			mb.Value = e.valueKind(value)
			if isFunctionLike(e.kind(e.t.Unparen(value))) {
				fn := e.t.Unparen(value)
				mb.Async = e.t.HasToken(fn, syntax.TokAsync)
				mb.ServerFn = e.bodyDirective(fn) == rsc.UseServer
			}
		} else if kind == BindVar {
			mb.Value = ValueNone
		}
		if kind == BindFunction {
			mb.Async = e.t.HasToken(decl, syntax.TokAsync)
			mb.ServerFn = e.bodyDirective(decl) == rsc.UseServer
		}
		e.f.Bindings = append(e.f.Bindings, mb)
	} else {
		e.innerNames[name] = true
	}
	e.byScope[key] = int32(len(e.binds))
	e.binds = append(e.binds, b)
}

// bindPattern declares every name bound by a (possibly destructuring) pattern.
func (e *extractor) bindPattern(pattern int, scope int32, kind BindingKind, decl, value int) {
	stack := []int{pattern}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n < 0 {
			continue
		}
		switch e.kind(n) {
		case syntax.KindIdentifier, syntax.KindShorthandPropertyIdentifierPattern, syntax.KindTypeIdentifier:
			e.declare(scope, n, kind, decl, value)
			value = -1 // only a plain `const x = v` keeps its initialiser
		case syntax.KindObjectPattern, syntax.KindArrayPattern, syntax.KindRestPattern:
			value = -1
			stack = e.t.NamedChildren(n, stack)
		case syntax.KindPairPattern:
			stack = append(stack, e.t.ChildByField(n, syntax.FieldValue))
		case syntax.KindAssignmentPattern, syntax.KindObjectAssignmentPattern:
			stack = append(stack, e.t.ChildByField(n, syntax.FieldLeft))
		case syntax.KindRequiredParameter, syntax.KindOptionalParameter:
			stack = append(stack, e.t.ChildByField(n, syntax.FieldPattern))
		}
	}
}

func (e *extractor) bindParams(fn int) {
	if p := e.t.ChildByField(fn, syntax.FieldParameter); p >= 0 { // x => ...
		e.bindPattern(p, int32(fn), BindVar, p, -1)
	}
	params := e.t.ChildByField(fn, syntax.FieldParameters)
	if params < 0 {
		return
	}
	e.t.Children(params, func(c int) {
		if e.nodes[c].Named() && e.kind(c) != syntax.KindComment {
			e.bindPattern(c, int32(fn), BindVar, c, -1)
		}
	})
}

// declarations is the first pass: every declared name, by scope.
func (e *extractor) declarations() {
	t := e.t
	for i := range e.nodes {
		e.dl.Check()
		switch e.nodes[i].Kind {
		case syntax.KindVariableDeclarator:
			p := e.parent(i)
			scope := e.blockScopeOf(i)
			if e.kind(p) == syntax.KindVariableDeclaration {
				scope = e.funcScopeOf(i)
			}
			if scope == 0 && e.requireDeclarator(i) {
				continue
			}
			e.bindPattern(t.ChildByField(i, syntax.FieldName), scope, BindVar, i, t.ChildByField(i, syntax.FieldValue))
		case syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration:
			if name := t.ChildByField(i, syntax.FieldName); name >= 0 {
				e.declare(e.blockScopeOf(i), name, BindFunction, i, -1)
			}
			e.bindParams(i)
		case syntax.KindFunctionExpression, syntax.KindGeneratorFunction:
			if name := t.ChildByField(i, syntax.FieldName); name >= 0 {
				e.declare(int32(i), name, BindFunction, i, -1)
			}
			e.bindParams(i)
		case syntax.KindArrowFunction, syntax.KindMethodDefinition:
			e.bindParams(i)
		case syntax.KindClassDeclaration, syntax.KindAbstractClassDeclaration:
			if name := t.ChildByField(i, syntax.FieldName); name >= 0 {
				e.declare(e.blockScopeOf(i), name, BindClass, i, -1)
			}
		case syntax.KindClass:
			if name := t.ChildByField(i, syntax.FieldName); name >= 0 {
				e.declare(int32(i), name, BindClass, i, -1)
			}
		case syntax.KindCatchClause:
			e.bindPattern(t.ChildByField(i, syntax.FieldParameter), int32(i), BindVar, i, -1)
		case syntax.KindForInStatement:
			if t.HasToken(i, syntax.TokConst) || t.HasToken(i, syntax.TokLet) {
				e.bindPattern(t.ChildByField(i, syntax.FieldLeft), int32(i), BindVar, i, -1)
			} else if t.HasToken(i, syntax.TokVar) {
				e.bindPattern(t.ChildByField(i, syntax.FieldLeft), e.funcScopeOf(i), BindVar, i, -1)
			}
		case syntax.KindEnumDeclaration:
			if name := t.ChildByField(i, syntax.FieldName); name >= 0 {
				e.declare(e.blockScopeOf(i), name, BindEnum, i, -1)
			}
		case syntax.KindInternalModule, syntax.KindModule:
			if name := t.ChildByField(i, syntax.FieldName); name >= 0 && e.kind(name) == syntax.KindIdentifier {
				e.declare(e.blockScopeOf(i), name, BindNamespace, i, -1)
			}
		case syntax.KindTypeAliasDeclaration, syntax.KindInterfaceDeclaration:
			if name := t.ChildByField(i, syntax.FieldName); name >= 0 && e.blockScopeOf(i) == 0 {
				e.declare(0, name, BindType, i, -1)
			}
		case syntax.KindImportStatement:
			e.importBindings(i)
		}
	}
}

// importBindings records an import statement and declares its local names.
func (e *extractor) importBindings(i int) {
	t := e.t
	if e.parent(i) != 0 {
		return // an import inside a TS namespace or a broken construct
	}
	imp := Import{Kind: ImportStatic, Span: e.stmtSpan(i, e.lastNamed(i)), TypeOnly: t.HasToken(i, syntax.TokType), Stmt: int(e.stmtOf[i])}
	src := t.ChildByField(i, syntax.FieldSource)
	var locals []int                                                       // identifier node of each name's local binding
	if req := t.ChildOfKind(i, syntax.KindImportRequireClause); req >= 0 { // import x = require('y')
		imp.Kind = ImportRequire
		src = t.ChildByField(req, syntax.FieldSource)
		if id := t.ChildOfKind(req, syntax.KindIdentifier); id >= 0 {
			imp.Names = append(imp.Names, ImportName{Imported: "*", Local: e.text(id), Span: e.span(id)})
			locals = append(locals, id)
		}
	}
	s, ok := t.StringValue(src)
	if !ok {
		return
	}
	imp.Source, imp.SourceSpan = s, e.span(src)
	if clause := t.ChildOfKind(i, syntax.KindImportClause); clause >= 0 {
		t.Children(clause, func(c int) {
			switch e.kind(c) {
			case syntax.KindIdentifier:
				imp.Names = append(imp.Names, ImportName{Imported: "default", Local: e.text(c), Span: e.span(c), TypeOnly: imp.TypeOnly})
				locals = append(locals, c)
			case syntax.KindNamespaceImport:
				if id := t.ChildOfKind(c, syntax.KindIdentifier); id >= 0 {
					imp.Names = append(imp.Names, ImportName{Imported: "*", Local: e.text(id), Span: e.span(c), TypeOnly: imp.TypeOnly})
					locals = append(locals, id)
				}
			case syntax.KindNamedImports:
				t.Children(c, func(spec int) {
					if e.kind(spec) != syntax.KindImportSpecifier {
						return
					}
					name := t.ChildByField(spec, syntax.FieldName)
					if name < 0 {
						return
					}
					local := name
					if alias := t.ChildByField(spec, syntax.FieldAlias); alias >= 0 {
						local = alias
					}
					imp.Names = append(imp.Names, ImportName{
						Imported: unquote(e.text(name)), Local: e.text(local), Span: e.span(spec),
						TypeOnly: imp.TypeOnly || t.HasToken(spec, syntax.TokType),
					})
					locals = append(locals, local)
				})
			}
		})
	}
	idx := len(e.f.Imports)
	e.f.Imports = append(e.f.Imports, imp)
	for n, name := range imp.Names {
		if name.TypeOnly || locals[n] < 0 {
			continue
		}
		e.declare(0, locals[n], BindImport, i, -1)
		if b, ok := e.byScope[scopeKey{0, name.Local}]; ok && e.binds[b].kind == BindImport {
			mb := &e.f.Bindings[e.binds[b].module]
			if mb.Import < 0 {
				mb.Import, mb.ImportName = idx, n
			}
		}
	}
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

// requireDeclarator records `const x = require('m')` and
// `const { a, b: c } = require('m')` at module scope as imports, so that
// CommonJS code (common in installed packages) binds names the way ES
// imports do.
func (e *extractor) requireDeclarator(decl int) bool {
	t := e.t
	call := t.Unparen(t.ChildByField(decl, syntax.FieldValue))
	if e.kind(call) != syntax.KindCallExpression {
		return false
	}
	callee := t.ChildByField(call, syntax.FieldFunction)
	args := t.ChildByField(call, syntax.FieldArguments)
	if e.kind(callee) != syntax.KindIdentifier || e.text(callee) != "require" || args < 0 {
		return false
	}
	src, ok := t.StringValue(e.firstNamed(args))
	if !ok {
		return false
	}
	name := t.ChildByField(decl, syntax.FieldName)
	imp := Import{Kind: ImportRequire, Source: src, SourceSpan: e.span(e.firstNamed(args)), Span: e.span(call), Stmt: int(e.stmtOf[decl])}
	var locals []int
	switch e.kind(name) {
	case syntax.KindIdentifier:
		imp.Names = append(imp.Names, ImportName{Imported: "*", Local: e.text(name), Span: e.span(name)})
		locals = append(locals, name)
	case syntax.KindObjectPattern:
		t.Children(name, func(c int) {
			switch e.kind(c) {
			case syntax.KindShorthandPropertyIdentifierPattern:
				imp.Names = append(imp.Names, ImportName{Imported: e.text(c), Local: e.text(c), Span: e.span(c)})
				locals = append(locals, c)
			case syntax.KindPairPattern:
				key, val := t.ChildByField(c, syntax.FieldKey), t.ChildByField(c, syntax.FieldValue)
				if e.kind(val) == syntax.KindIdentifier {
					imp.Names = append(imp.Names, ImportName{Imported: unquote(e.text(key)), Local: e.text(val), Span: e.span(c)})
					locals = append(locals, val)
				}
			}
		})
		if len(imp.Names) == 0 {
			return false
		}
	default:
		return false
	}
	e.requireCalls[call] = true
	idx := len(e.f.Imports)
	e.f.Imports = append(e.f.Imports, imp)
	for n := range imp.Names {
		e.declare(0, locals[n], BindImport, decl, -1)
		if b, ok := e.byScope[scopeKey{0, imp.Names[n].Local}]; ok && e.binds[b].kind == BindImport {
			mb := &e.f.Bindings[e.binds[b].module]
			if mb.Import < 0 {
				mb.Import, mb.ImportName = idx, n
			}
		}
	}
	return true
}

// valueKind classifies an initialiser or default-export expression.
func (e *extractor) valueKind(i int) ValueKind {
	i = e.t.Unparen(i)
	if i < 0 {
		return ValueNone
	}
	switch e.kind(i) {
	case syntax.KindArrowFunction, syntax.KindFunctionExpression, syntax.KindGeneratorFunction:
		return ValueFunction
	case syntax.KindClass:
		return ValueClass
	case syntax.KindString, syntax.KindNumber, syntax.KindRegex, syntax.KindTrue, syntax.KindFalse,
		syntax.KindNull, syntax.KindUndefined, syntax.KindTemplateString:
		return ValueLiteral
	case syntax.KindUnaryExpression, syntax.KindBinaryExpression:
		if e.isLiteralExpr(i, 0) {
			return ValueLiteral
		}
		return ValueUnknown
	case syntax.KindObject:
		return ValueObject
	case syntax.KindArray:
		return ValueArray
	case syntax.KindCallExpression:
		return ValueCall
	case syntax.KindIdentifier:
		return ValueIdentifier
	case syntax.KindNewExpression:
		return ValueNew
	case syntax.KindJSXElement, syntax.KindJSXSelfClosingElement:
		return ValueJSX
	}
	return ValueUnknown
}

// isLiteralExpr reports whether an expression is built from literals only
// (-1, 'a' + 'b', !0).
func (e *extractor) isLiteralExpr(i, depth int) bool {
	i = e.t.Unparen(i)
	if i < 0 || depth > 20 {
		return false
	}
	switch e.kind(i) {
	case syntax.KindString, syntax.KindNumber, syntax.KindTrue, syntax.KindFalse, syntax.KindNull, syntax.KindTemplateString:
		return true
	case syntax.KindUnaryExpression:
		if e.t.HasToken(i, syntax.TokTypeof) {
			return true
		}
		return e.isLiteralExpr(e.t.ChildByField(i, syntax.FieldArgument), depth+1)
	case syntax.KindBinaryExpression:
		return e.isLiteralExpr(e.t.ChildByField(i, syntax.FieldLeft), depth+1) &&
			e.isLiteralExpr(e.t.ChildByField(i, syntax.FieldRight), depth+1)
	}
	return false
}

// bodyDirective returns the first valid directive of a function body's prologue.
func (e *extractor) bodyDirective(fn int) rsc.DirectiveKind {
	body := e.t.ChildByField(fn, syntax.FieldBody)
	if body < 0 || e.kind(body) != syntax.KindStatementBlock {
		return rsc.NoDirective
	}
	for c := e.firstNamed(body); c >= 0; c = e.nextNamed(c) {
		if e.kind(c) != syntax.KindExpressionStatement {
			break
		}
		s, ok := e.t.StringValue(e.firstNamed(c))
		if !ok {
			break
		}
		if k, _ := rsc.ParseDirective(s); k != rsc.NoDirective {
			return k
		}
	}
	return rsc.NoDirective
}

// lastNamed returns the last named child of i that is not a comment, or i.
func (e *extractor) lastNamed(i int) int {
	last := i
	e.t.Children(i, func(c int) {
		if n := &e.nodes[c]; n.Named() && n.Kind != syntax.KindComment {
			last = c
		}
	})
	return last
}

func (e *extractor) nextNamed(i int) int {
	for c := e.t.NextSibling(i); c >= 0; c = e.t.NextSibling(c) {
		if n := &e.nodes[c]; n.Named() && n.Kind != syntax.KindComment {
			return c
		}
	}
	return -1
}

// resolve finds the binding an identifier at node i refers to, or -1 for a global.
func (e *extractor) resolve(name string, i int) int32 {
	if !e.innerNames[name] {
		if b, ok := e.byScope[scopeKey{0, name}]; ok {
			return b
		}
		return -1
	}
	if i >= 0 && i < len(e.resolved) && e.resolved[i] != unresolved && string(e.t.Bytes(i)) == name {
		return e.resolved[i]
	}
	return e.resolveByWalk(name, i)
}

// resolveByWalk looks for name in each scope from node i up.
func (e *extractor) resolveByWalk(name string, i int) int32 {
	for p := e.parent(i); p >= 0; p = e.parent(p) {
		if isScopeNode(e.nodes[p].Kind) {
			if b, ok := e.byScope[scopeKey{int32(p), name}]; ok {
				return b
			}
		}
	}
	return -1
}

// moduleBinding returns the module-scope binding a name refers to at node i, or nil.
func (e *extractor) moduleBinding(name string, i int) *Binding {
	b := e.resolve(name, i)
	if b < 0 || e.binds[b].module < 0 {
		return nil
	}
	return &e.f.Bindings[e.binds[b].module]
}

func (e *extractor) addRef(from int32, to int) {
	if from < 0 || to < 0 || int(from) == to {
		return
	}
	m := e.stmtRefs[from]
	if m == nil {
		m = map[int]bool{}
		e.stmtRefs[from] = m
	}
	m[to] = true
}

// unresolved marks nodes resolveIdentifiers did not resolve.
const unresolved = -2

// resolveIdentifiers resolves, in one pre-order sweep, every identifier
// whose name some inner scope declares, to what resolveByWalk would find:
// the binding of the innermost enclosing scope that declares the name,
// else the module scope's. The sweep keeps, per name, the stack of open
// scopes that declare it.
func (e *extractor) resolveIdentifiers() {
	if len(e.innerNames) == 0 {
		return
	}
	var order []int32 // inner bindings by scope node, in declaration order
	for b := range e.binds {
		if e.binds[b].scope != 0 {
			order = append(order, int32(b))
		}
	}
	sort.SliceStable(order, func(x, y int) bool { return e.binds[order[x]].scope < e.binds[order[y]].scope })
	type openScope struct {
		node     int32
		from, to int // its bindings: order[from:to]
	}
	var open []openScope
	byName := map[string][]int32{}
	e.resolved = make([]int32, len(e.nodes))
	next := 0
	for i := range e.nodes {
		e.dl.Check()
		for len(open) > 0 && int(e.nodes[open[len(open)-1].node].After) <= i {
			s := open[len(open)-1]
			open = open[:len(open)-1]
			for _, b := range order[s.from:s.to] {
				name := e.binds[b].name
				byName[name] = byName[name][:len(byName[name])-1]
			}
		}
		e.resolved[i] = unresolved
		if k := e.nodes[i].Kind; k == syntax.KindIdentifier || k == syntax.KindShorthandPropertyIdentifier {
			name := e.t.Bytes(i)
			if stack := byName[string(name)]; len(stack) > 0 {
				e.resolved[i] = stack[len(stack)-1]
			} else if e.innerNames[string(name)] {
				e.resolved[i] = -1
				if b, ok := e.byScope[scopeKey{0, string(name)}]; ok {
					e.resolved[i] = b
				}
			}
		}
		// A scope's own names are visible below it, not at the node itself.
		if next < len(order) && e.binds[order[next]].scope == int32(i) {
			s := openScope{node: int32(i), from: next}
			for ; next < len(order) && e.binds[order[next]].scope == int32(i); next++ {
				name := e.binds[order[next]].name
				byName[name] = append(byName[name], order[next])
			}
			s.to = next
			open = append(open, s)
		}
	}
}
