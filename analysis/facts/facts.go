// Package facts extracts what the engine needs to know about one file: its
// directives, imports, exports, top-level declarations and the uses that
// matter across the server/client boundary. Facts depend only on the file's
// content, are small, and hold no syntax tree, so they can be cached per
// content hash and kept for every file of a large workspace.
package facts

import "github.com/rscls/rscls/analysis/rsc"

// Span is a half-open byte range in the file.
type Span struct{ Start, End int }

// Directive is a valid module-level directive from the prologue.
type Directive struct {
	Kind      rsc.DirectiveKind
	CacheKind string // for 'use cache: kind'
	Text      string // the literal's contents
	Span      Span   // the string literal, quotes included
	Stmt      Span   // the whole statement
}

// ImportKind tells how a module is pulled in.
type ImportKind uint8

const (
	ImportStatic    ImportKind = iota // import ... from 'x', import 'x'
	ImportReExport                    // export { a } from 'x'
	ImportExportAll                   // export * from 'x', export * as ns from 'x'
	ImportDynamic                     // import('x')
	ImportRequire                     // require('x'), import x = require('x')
)

// Import is one module reference.
type Import struct {
	Kind       ImportKind
	Source     string
	SourceSpan Span // the string literal
	Span       Span // the statement or call
	TypeOnly   bool // import type / export type: erased, no runtime edge
	Names      []ImportName
	Stmt       int // top-level statement index
}

// ImportName is one imported (or re-exported) binding.
type ImportName struct {
	Imported string // the name in the source module: "default", "*" (namespace), or a named export
	Local    string // the local binding ("" for re-exports)
	Exported string // for re-exports: the name this module exports it as
	TypeOnly bool
	// ValueUse is set when the local binding is read as a value somewhere
	// (a call, JSX, an export { x }, typeof x in an expression), not only
	// in types. TypeScript and SWC elide an import none of whose bindings
	// is; whether they do is the graph's decision (see graph.Load).
	ValueUse bool
	Span     Span
}

// ExportKind classifies an export.
type ExportKind uint8

const (
	ExportFunction ExportKind = iota // function declaration
	ExportClass
	ExportVariable // const/let/var or a default expression
	ExportType     // type, interface, declare: erased
	ExportEnum
	ExportNamespace // TS namespace/module
	ExportReExport  // export { a } from 'x', or export { a } of an imported binding
	ExportAll       // export * from 'x'
)

// ValueKind classifies the value of a variable or default export.
type ValueKind uint8

const (
	ValueUnknown  ValueKind = iota
	ValueFunction           // arrow or function expression
	ValueClass
	ValueLiteral // string, number, boolean, null, regex, bigint, template, unary/binary of literals
	ValueObject
	ValueArray
	ValueCall
	ValueIdentifier
	ValueNew
	ValueJSX
	ValueNone // declared without initialiser
)

// Export is one exported name.
type Export struct {
	Name      string // exported name; "default" for the default export; "*" for export *
	Local     string // the local binding it names, when there is one
	Kind      ExportKind
	Value     ValueKind
	Async     bool
	Generator bool
	TypeOnly  bool
	Span      Span // the export statement (or its specifier)
	NameSpan  Span // the exported name, or the statement when anonymous
	FuncSpan  Span // the function node, when the export is a function
	// AsyncAt is where `async ` can be inserted to make the function async; -1 when not a function.
	AsyncAt  int
	Source   string // re-exports: the module re-exported from
	Imported string // re-exports: the name in that module
	Stmt     int    // top-level statement index of the declaration
	// ServerFn is set for functions whose body starts with 'use server'.
	ServerFn bool
}

// Binding is a module-scope name.
type Binding struct {
	Name string
	Kind BindingKind
	Stmt int // top-level statement that declares it
	// Import and ImportName locate the import an import binding comes from.
	Import     int
	ImportName int
	Value      ValueKind // for variables: the initialiser's kind
	Async      bool      // for functions
	ServerFn   bool      // a function whose body starts with 'use server'
}

// BindingKind says how a module-scope name was declared.
type BindingKind uint8

const (
	BindVar BindingKind = iota
	BindFunction
	BindClass
	BindImport
	BindEnum
	BindNamespace
	BindType // type alias or interface: no runtime value
)

// Stmt summarises one top-level statement for liveness: a statement's
// function bodies only run if something reachable names it.
type Stmt struct {
	Span Span
	// Decl is true for statements that only declare (functions, classes,
	// variables whose initialisers have no effect to speak of): they matter
	// only when referenced. Other statements run when the module loads.
	Decl bool
	// Pure is true for statements that do nothing but define bindings
	// when they run, as bundlers judge it (isPureStmt): a module of such
	// statements only, none of whose exports is used, is left out.
	Pure bool
	// Refs lists the other top-level statements whose bindings this one references.
	Refs []int
}

// UseContext says when code runs.
type UseContext uint8

const (
	AtModuleScope UseContext = iota // when the module is loaded
	AtRender                        // in the body of a component while it renders
	Deferred                        // in a callback, effect or helper that may never run on the server
)

// GlobalUse is a reference to a browser-only global.
type GlobalUse struct {
	Name    string
	Span    Span
	Stmt    int
	Context UseContext
	// Func names the module-scope function whose own body makes a Deferred
	// use (not one of its callbacks): calling the function runs it.
	Func string
	// EveryCall marks a use that runs whenever its function runs (the
	// component renders, Func is called, the module loads): under no
	// condition or loop, after no return, in a function that calls no hook
	// (a hook may suspend or bail out of rendering on the server).
	EveryCall bool
	// EveryRender marks a use at render that runs on every render on the
	// server: as EveryCall, but calls of react's hooks that neither suspend
	// nor bail out of server rendering (useState, useRef, ...:
	// rsc.PlainHooks) do not clear it.
	EveryRender bool
}

// Call is a call of a function of this module or of an imported one,
// kept where it may run on the server: at module scope, while a component
// renders, or in the own body of a module-scope function (Caller), whose
// callers decide. Calls in callbacks, and in functions that test typeof
// of a browser global, are left out.
type Call struct {
	Ref     Ref // RefLocalFunction or RefImport
	Span    Span
	Stmt    int
	Context UseContext
	Caller  string // Deferred: the module-scope function the call is in
	// EveryCall: the call is made whenever the code around it runs (see
	// GlobalUse.EveryCall).
	EveryCall bool
}

// APIUse is a use of a name exported by a module in rsc.MemberSources
// (react, next/navigation, ...), through a named import (useState) or a
// namespace or default import (React.useState).
type APIUse struct {
	Import  int
	Name    string // the API's exported name
	Member  bool   // used as ns.Name through a namespace or default import
	Span    Span
	Stmt    int
	Context UseContext
}

// RefKind says what an identifier resolves to.
type RefKind uint8

const (
	RefUnknown        RefKind = iota // a parameter, an inner variable, a global: nothing known
	RefImport                        // an import binding: Import, Name
	RefLocalFunction                 // a function declared in this file that is not a Server Function
	RefServerFunction                // a function whose body starts with 'use server' (or exported from a 'use server' file)
	RefLocalClass                    // a class declared in this file
	RefLocalValue                    // another module-scope binding
)

// Ref is a resolved identifier.
type Ref struct {
	Kind   RefKind
	Name   string // the identifier as written
	Import int    // RefImport: index into Imports
	// Imported is the name in the imported module ("default", "*", a named export);
	// for `ns.Member` through a namespace import it is Member.
	Imported string
}

// ValueProblem classifies a prop value that cannot cross from a Server
// Component to a Client Component.
type ValueProblem uint8

const (
	ValueOK            ValueProblem = iota
	ProblemFunction                 // an inline function or a local non-server function
	ProblemClass                    // a class (a constructor function)
	ProblemInstance                 // new X() of a non-built-in class
	ProblemSymbol                   // Symbol() (only Symbol.for symbols cross)
	ProblemMaybeImport              // an imported binding: the graph decides
)

// JSXProp is a prop (or function child) whose value may not be serializable.
type JSXProp struct {
	Name    string // "children" for a function child
	Path    string // where inside the value, e.g. ".onChange" or "[0]"; "" for the value itself
	Span    Span   // the offending value
	Problem ValueProblem
	Ref     Ref // the identifier, for ProblemFunction/ProblemClass via a name and ProblemMaybeImport
}

// JSXElement is a rendered element whose props or place matter: an
// imported component, a component reference (capitalised or member tag)
// with props that may not be serializable, or an intrinsic element with
// event handler props.
type JSXElement struct {
	Tag       string // as written: "Button", "Dialog.Root", "button"
	Intrinsic bool
	TagSpan   Span
	Span      Span // the opening (or self-closing) element
	Ref       Ref  // what the tag resolves to (components only)
	Props     []JSXProp
	// Handlers lists event-handler props (on*) with non-string values, for intrinsic elements.
	Handlers []JSXProp
	Stmt     int
	Context  UseContext
}

// ClassHeritage is `class X extends Y`.
type ClassHeritage struct {
	Name    string // the class name, "" if anonymous
	Span    Span   // the heritage expression
	Ref     Ref    // what Y resolves to
	Stmt    int
	Context UseContext
}

// DynamicCall is a call of next/dynamic's default export.
type DynamicCall struct {
	Span     Span
	SSRFalse bool // the options object has ssr: false
	SSRSpan  Span
	Stmt     int
}

// Suppression is an `rscls-ignore RULE[, RULE]: reason` comment. It applies
// to the line after the comment, or with `rscls-ignore-file` to the file.
type Suppression struct {
	Rules   []string // empty when the comment names no rule
	File    bool
	Applies Span // the byte range of the line it covers
	Span    Span // the comment
}

// File holds the facts of one file.
type File struct {
	Directives []Directive // valid module-level directives, in order
	Imports    []Import
	Exports    []Export
	Bindings   []Binding // module-scope names
	Stmts      []Stmt
	Globals    []GlobalUse
	Calls      []Call
	APIs       []APIUse
	JSX        []JSXElement
	Classes    []ClassHeritage
	Dynamics   []DynamicCall
	Suppress   []Suppression
	HookCalls  int // calls of functions named use[A-Z]..., anywhere
	// BrowserRefs counts references to browser globals anywhere, guarded or not.
	BrowserRefs int
	// HandlerAttrs counts event-handler props (on*) with expression values on intrinsic elements.
	HandlerAttrs int
	HasErrors    bool // the parser had to recover from syntax errors
	// Extra holds what graph checks extract from the file for themselves
	// (analysis.Analyzer.FileFact), by analyzer name.
	Extra map[string]any

	exportIndex map[string]int
	FirstStmt   int // byte offset of the first statement: where a directive is inserted
	Size        int // the file's length in bytes
	// Quote and Semicolons describe the file's style, for inserted code.
	Quote      byte
	Semicolons bool
}

// Has reports whether the module has a directive of the given kind.
func (f *File) Has(kind rsc.DirectiveKind) bool {
	for _, d := range f.Directives {
		if d.Kind == kind {
			return true
		}
	}
	return false
}

// Directive returns the module's first directive of the given kind, or nil.
func (f *File) Directive(kind rsc.DirectiveKind) *Directive {
	for i := range f.Directives {
		if f.Directives[i].Kind == kind {
			return &f.Directives[i]
		}
	}
	return nil
}

// ExportNamed returns the export with the given name, or nil.
func (f *File) ExportNamed(name string) *Export {
	if f.exportIndex != nil {
		if i, ok := f.exportIndex[name]; ok {
			return &f.Exports[i]
		}
		return nil
	}
	for i := range f.Exports {
		if f.Exports[i].Name == name {
			return &f.Exports[i]
		}
	}
	return nil
}

// Index prepares lookups by export name; the graph looks names up for
// every import of every module. Extract calls it; call it again after
// building or decoding a File by other means.
func (f *File) Index() {
	if len(f.Exports) < 4 {
		f.exportIndex = nil // a scan is as fast
		return
	}
	f.exportIndex = make(map[string]int, len(f.Exports))
	for i := len(f.Exports) - 1; i >= 0; i-- {
		f.exportIndex[f.Exports[i].Name] = i // the first export of a name wins
	}
}
