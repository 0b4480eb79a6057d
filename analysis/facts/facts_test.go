package facts

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/syntax"
)

// render prints the facts of src in a compact, stable form: one line per
// fact, selected by the prefixes in keep ("" keeps everything).
func render(src string, lang syntax.Lang, keep ...string) string {
	t := syntax.MustParse([]byte(src), lang)
	f, l := Extract(t)
	text := func(s Span) string { return src[s.Start:s.End] }
	var lines []string
	add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	for _, d := range f.Directives {
		add("directive %q", d.Text)
	}
	kinds := map[ImportKind]string{ImportStatic: "import", ImportReExport: "reexport", ImportExportAll: "exportall", ImportDynamic: "dynamic", ImportRequire: "require"}
	for _, imp := range f.Imports {
		s := fmt.Sprintf("%s %q", kinds[imp.Kind], imp.Source)
		if imp.TypeOnly {
			s += " type"
		}
		for _, n := range imp.Names {
			s += " " + n.Imported
			if n.Local != "" && n.Local != n.Imported {
				s += "=" + n.Local
			}
			if n.Exported != "" && n.Exported != n.Imported {
				s += "->" + n.Exported
			}
			if n.TypeOnly && !imp.TypeOnly {
				s += ":type"
			}
		}
		add("%s", s)
	}
	xkinds := map[ExportKind]string{ExportFunction: "function", ExportClass: "class", ExportVariable: "var", ExportType: "type", ExportEnum: "enum", ExportNamespace: "namespace", ExportReExport: "reexport", ExportAll: "all"}
	vkinds := map[ValueKind]string{ValueUnknown: "?", ValueFunction: "fn", ValueClass: "class", ValueLiteral: "lit", ValueObject: "obj", ValueArray: "arr", ValueCall: "call", ValueIdentifier: "ident", ValueNew: "new", ValueJSX: "jsx", ValueNone: "none"}
	for _, x := range f.Exports {
		s := fmt.Sprintf("export %s %s", x.Name, xkinds[x.Kind])
		if x.Kind == ExportVariable || x.Kind == ExportFunction {
			s += " " + vkinds[x.Value]
		}
		if x.Async {
			s += " async"
		}
		if x.TypeOnly && x.Kind != ExportType {
			s += " typeonly"
		}
		if x.Source != "" {
			s += fmt.Sprintf(" from %q %s", x.Source, x.Imported)
		}
		if x.ServerFn {
			s += " serverfn"
		}
		add("%s", s)
	}
	ctx := map[UseContext]string{AtModuleScope: "module", AtRender: "render", Deferred: "deferred"}
	for _, g := range f.Globals {
		s := fmt.Sprintf("global %s %s", g.Name, ctx[g.Context])
		if g.Func != "" {
			s += " in " + g.Func
		}
		if g.EveryCall {
			s += " every"
		}
		if g.Context == AtRender && g.EveryRender != g.EveryCall {
			s += map[bool]string{true: " every-render", false: " not-every-render"}[g.EveryRender]
		}
		add("%s", s)
	}
	for _, a := range f.APIs {
		add("api %s.%s %s", f.Imports[a.Import].Source, a.Name, ctx[a.Context])
	}
	problems := map[ValueProblem]string{ProblemFunction: "function", ProblemClass: "class", ProblemInstance: "instance", ProblemSymbol: "symbol", ProblemMaybeImport: "import"}
	refs := map[RefKind]string{RefUnknown: "?", RefImport: "import", RefLocalFunction: "localfn", RefServerFunction: "serverfn", RefLocalClass: "class", RefLocalValue: "value"}
	for _, el := range f.JSX {
		s := fmt.Sprintf("jsx <%s>", el.Tag)
		if !el.Intrinsic {
			s += " " + refs[el.Ref.Kind]
			if el.Ref.Kind == RefImport {
				s += fmt.Sprintf("(%s %s)", f.Imports[el.Ref.Import].Source, el.Ref.Imported)
			}
		}
		for _, p := range append(el.Handlers, el.Props...) {
			s += fmt.Sprintf(" %s%s=%s", p.Name, p.Path, problems[p.Problem])
			if p.Ref.Kind == RefImport {
				s += fmt.Sprintf("(%s %s)", f.Imports[p.Ref.Import].Source, p.Ref.Imported)
			}
		}
		add("%s", s)
	}
	for _, c := range f.Calls {
		s := fmt.Sprintf("call %s %s %s", text(c.Span), refs[c.Ref.Kind], ctx[c.Context])
		if c.Ref.Kind == RefImport {
			s += fmt.Sprintf("(%s %s)", f.Imports[c.Ref.Import].Source, c.Ref.Imported)
		}
		if c.Caller != "" {
			s += " in " + c.Caller
		}
		if c.EveryCall {
			s += " every"
		}
		add("%s", s)
	}
	for _, c := range f.Classes {
		s := fmt.Sprintf("class %s extends %s %s", c.Name, text(c.Span), refs[c.Ref.Kind])
		if c.Ref.Kind == RefImport {
			s += fmt.Sprintf("(%s %s)", f.Imports[c.Ref.Import].Source, c.Ref.Imported)
		}
		add("%s", s)
	}
	for _, d := range f.Dynamics {
		add("nextdynamic ssrfalse=%v", d.SSRFalse)
	}
	for _, s := range f.Suppress {
		add("suppress %v file=%v applies=%q", s.Rules, s.File, text(s.Applies))
	}
	for _, s := range l.Strings {
		cont := map[Container]string{InModule: "module", InFunctionBody: "body", InNestedBlock: "nested"}
		add("string %q %s prologue=%v paren=%v", s.Value, cont[s.Container], s.Prologue, s.Paren)
	}
	for _, fn := range l.Funcs {
		add("func %q directive=%q async=%v inherited=%v method=%v static=%v", fn.Name, fn.Directive.String(), fn.Async, fn.Inherited, fn.Method, fn.Static)
	}
	for i, st := range f.Stmts {
		if len(st.Refs) > 0 {
			add("stmt %d refs %v", i, st.Refs)
		}
	}
	if f.HookCalls > 0 {
		add("hookcalls %d", f.HookCalls)
	}
	if f.BrowserRefs > 0 {
		add("browserrefs %d", f.BrowserRefs)
	}
	if f.HandlerAttrs > 0 {
		add("handlerattrs %d", f.HandlerAttrs)
	}
	var out []string
	for _, line := range lines {
		for _, k := range keep {
			if strings.HasPrefix(line, k) {
				out = append(out, line)
				break
			}
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// check compares rendered facts with want (order-insensitive).
func check(t *testing.T, src, want string, keep ...string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(want), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	sort.Strings(lines)
	if strings.TrimSpace(want) == "" {
		lines = nil
	}
	if got := render(src, syntax.TSX, keep...); got != strings.Join(lines, "\n") {
		t.Errorf("facts of\n%s\ngot:\n%s\nwant:\n%s", src, got, strings.Join(lines, "\n"))
	}
}

func TestDirectivePrologue(t *testing.T) {
	check(t, "// license\n/* block */\n'use strict'\n\"use client\"\nimport x from 'x'\n'use server'\n", `
		directive "use client"
		string "use strict" module prologue=true paren=false
		string "use client" module prologue=true paren=false
		string "use server" module prologue=false paren=false
	`, "directive", "string")
	check(t, "('use client')\n'use server'\n", `
		string "use client" module prologue=true paren=true
		string "use server" module prologue=false paren=false
	`, "directive", "string")
	check(t, "'use cache: remote'\n'use cache:x'\n", `
		directive "use cache: remote"
	`, "directive")
}

func TestFunctionDirectives(t *testing.T) {
	check(t, `
export async function a() { 'use server'; return 1 }
const b = async () => { /* note */ 'use cache: remote' }
class K { static async s() { 'use server' } async m() { 'use cache' } }
function c() { if (x) { 'use server' } }
`, `
		func "a" directive="use server" async=true inherited=false method=false static=false
		func "" directive="use cache" async=true inherited=false method=false static=false
		func "s" directive="use server" async=true inherited=false method=true static=true
		func "m" directive="use cache" async=true inherited=false method=true static=false
		string "use server" nested prologue=false paren=false
	`, "func", "string \"use server\" nested")
	// Exports of a 'use server' file inherit the directive.
	check(t, "'use server'\nexport function f() {}\nexport const g = async () => {}\nfunction h() {}\nexport type T = () => void\n", `
		func "f" directive="use server" async=false inherited=true method=false static=false
		func "" directive="use server" async=true inherited=true method=false static=false
	`, "func")
}

func TestImports(t *testing.T) {
	check(t, `
import React, { useState as s, type FC } from 'react'
import * as ns from './ns'
import type { Metadata } from 'next'
import './globals.css'
import fs = require('fs')
export { a, b as c } from './ab'
export type { T } from './t'
export * from './all'
export * as star from './star'
const lazy = () => import('./lazy')
const path = require('path')
const { join, resolve: r } = require('node:path')
function inner() { const x = require('inner') }
const tpl = import(`+"`./tpl`"+`)
`, `
		import "react" default=React useState=s FC:type
		import "./ns" *=ns
		import "next" type Metadata
		import "./globals.css"
		require "fs" *=fs
		reexport "./ab" a b->c
		reexport "./t" type T
		exportall "./all"
		exportall "./star" *->star
		dynamic "./lazy" *
		require "path" *=path
		require "node:path" join resolve=r
		require "inner" *
		dynamic "./tpl" *
	`, "import", "reexport", "exportall", "dynamic", "require")
}

func TestExports(t *testing.T) {
	check(t, `
import { imported } from './x'
export default async function Page() {}
export function f() {}
export async function* gen() {}
export const arrow = async () => {}, lit = 1, tpl = `+"`a`"+`, neg = -1, obj = {}, arr = [], call = make(), id = other, inst = new Map(), el = <div />
export let none
export class K {}
export interface I {}
export type T = string
export enum E { A }
export const enum CE { B }
export declare const D: number
export namespace NS { export const x = 1 }
export const { p, q: [r] } = obj
function local() {}
async function server() { 'use server' }
export { local, server as action, imported, imported as again }
`, `
		export default function fn async
		export f function fn
		export gen function fn async
		export arrow var fn async
		export lit var lit
		export tpl var lit
		export neg var lit
		export obj var obj
		export arr var arr
		export call var call
		export id var ident
		export inst var new
		export el var jsx
		export none var none
		export K class
		export I type
		export T type
		export E enum
		export CE type
		export D type
		export NS namespace
		export p var ?
		export r var ?
		export local function fn
		export action function fn async serverfn
		export imported reexport from "./x" imported
		export again reexport from "./x" imported
	`, "export")
	check(t, "const C = () => null\nexport default C\n", "export default var fn", "export")
	check(t, "import X from './x'\nexport default X\n", `export default reexport from "./x" default`, "export")
	check(t, "export default class {}\n", "export default class", "export")
	check(t, "export default { a: 1 }\n", "export default var obj", "export")
}

func TestScopesAndGlobals(t *testing.T) {
	check(t, `
const top = window.innerWidth
export function Page({ location }) {
  const w = document.title
  const h = location.href
  useEffect(() => { localStorage.clear() }, [])
  function handler() { alert('x') }
  return w
}
function helper() { return sessionStorage.length }
export const Card = memo(function Card() { return window.name })
export const Row = forwardRef((props, ref) => history.length)
function useWidth() { return innerWidth }
class Old extends Component { render() { return document.body } }
export function Shadowed() { const window = 1; return window }
`, `
		global window module every
		global document render
		global localStorage deferred
		global alert deferred
		global sessionStorage deferred in helper every
		global window render every
		global history render every
		global innerWidth render every
		global document render every
	`, "global")
	// A typeof check anywhere in a function, or at module scope, means the
	// code knows where it runs.
	check(t, `
export function A() { if (typeof window === 'undefined') return null; return window.x }
export function B() { return window.y }
`, "global window render every", "global")
	check(t, "const isBrowser = typeof window !== 'undefined'\nexport function C() { return isBrowser && window.z }\n", "", "global")
}

func TestAPIUses(t *testing.T) {
	check(t, `
import React, { useState, useEffect as effect } from 'react'
import * as Nav from 'next/navigation'
import { helper } from './helper'
const Ctx = React.createContext(null)
export function Page() {
  const [s] = useState(0)
  effect(() => {}, [])
  const r = Nav.useRouter()
  return helper(s, r)
}
export { useState }
`, `
		api react.createContext module
		api react.useState render
		api react.useEffect render
		api next/navigation.useRouter render
	`, "api")
	// require() bindings count too, as in compiled packages.
	check(t, "const React = require('react')\nconst { createContext } = require('react')\nconst A = React.createContext()\nconst B = createContext()\n", `
		api react.createContext module
		api react.createContext module
	`, "api")
}

func TestJSXProps(t *testing.T) {
	check(t, `
import { Client } from './client'
import * as UI from './ui'
import { save } from './actions'
import { format } from './format'
function local() {}
async function act() { 'use server' }
class Thing {}
export default function Page({ onSelect }) {
  const inner = () => 1
  async function innerServer() { 'use server' }
  return (
    <div onClick={() => 1} onBlur={onSelect} onFocus={undefined} onKeyDown={inner}>
      <Client
        fn={() => 1}
        named={local}
        server={act}
        innerFn={inner}
        innerServer={innerServer}
        inline={async () => { 'use server' }}
        imported={save}
        fmt={format}
        klass={Thing}
        inst={new Thing()}
        date={new Date()}
        sym={Symbol('a')}
        gsym={Symbol.for('a')}
        obj={{ a: 1, b: () => 2, c: { d: local }, m() {} }}
        arr={[1, () => 2]}
        cond={x ? local : null}
        and={x && local}
        passthrough={onSelect}
        text="plain"
        el={<b />}
        {...rest}
      >
        {(v) => v}
      </Client>
      <UI.Dialog onOpen={local} />
      <Local render={() => 1} />
    </div>
  )
}
function Local() { return null }
`, `
		jsx <div> onClick=function onKeyDown=function
		jsx <Client> import(./client Client) fn=function named=function innerFn=function imported=import(./actions save) fmt=import(./format format) klass=class inst=instance sym=symbol obj.b=function obj.c.d=function obj.m=function arr[1]=function cond=function and=function children=function
		jsx <UI.Dialog> import(./ui Dialog) onOpen=function
		jsx <Local> localfn render=function
		handlerattrs 3
	`, "jsx", "handlerattrs")
}

func TestClassesAndDynamic(t *testing.T) {
	check(t, `
import React, { Component } from 'react'
import dynamic from 'next/dynamic'
class A extends Component {}
const B = class extends React.PureComponent {}
class C extends Base {}
const Map = dynamic(() => import('./map'), { ssr: false })
const Chart = dynamic(() => import('./chart'), { loading: () => null })
function f(dynamic) { dynamic(() => 1, { ssr: false }) }
`, `
		class A extends Component import(react Component)
		class  extends React.PureComponent import(react PureComponent)
		class C extends Base ?
		nextdynamic ssrfalse=true
		nextdynamic ssrfalse=false
	`, "class", "nextdynamic")
}

func TestSuppressions(t *testing.T) {
	check(t, `// rscls-ignore ruleA, ruleB: reason
export const x = 1
export const y = 2 // rscls-ignore ruleC: trailing
// rscls-ignore-file ruleD: whole file
const el = <div>
  {/* rscls-ignore ruleE: in JSX */}
  <Bad />
</div>
// rscls-ignored is not a suppression
`, `
		suppress [ruleA ruleB] file=false applies="export const x = 1"
		suppress [ruleC] file=false applies="export const y = 2 // rscls-ignore ruleC: trailing"
		suppress [ruleD] file=true applies="const el = <div>"
		suppress [ruleE] file=false applies="  <Bad />"
	`, "suppress")
}

func TestStatementRefs(t *testing.T) {
	check(t, `import { a } from './a'
function helper() { return a }
export function Used() { return helper() }
export function Unused() { return <Used /> }
`, `
		stmt 1 refs [0]
		stmt 2 refs [1]
		stmt 3 refs [2]
	`, "stmt")
}

func TestBrokenInputStillYieldsFacts(t *testing.T) {
	check(t, "'use client'\nimport { useState } from 'react'\nexport function A( {\n  return <div onClick={() => 1}\n}\nexport const B = () => null\n", `
		directive "use client"
		import "react" useState
	`, "directive", "import")
	for _, src := range []string{"", "\x00", "((((", "export default", "import", "<div>", strings.Repeat("{", 3000)} {
		for _, lang := range []syntax.Lang{syntax.TS, syntax.TSX} {
			Extract(syntax.MustParse([]byte(src), lang))
		}
	}
}

// TestImportValueUse: a binding counts as used when some code reads it at
// run time; names in types (annotations, aliases, interfaces, typeof x
// and ns.T in a type) and type-only exports do not count.
func TestImportValueUse(t *testing.T) {
	src := `
import { called, jsx, shorthand, exported, typeofValue, member, unused } from './a'
import { annotation, alias, iface, query, nested, typeExport, inlineTypeExport, generic, satisfied, implemented } from './b'
import Default, * as ns from './c'
called()
const el = <jsx.Item />
const obj = { shorthand }
export { exported }
const k = typeof typeofValue
member.x = 1
let a: annotation
type T = alias
interface I { f: iface }
type Q = typeof query
let n: nested.Inner
export type { typeExport }
export { type inlineTypeExport }
const g = f<generic>()
const s = {} satisfies satisfied
class C implements implemented {}
declare const d: typeof Default
`
	tree := syntax.MustParse([]byte(src), syntax.TSX)
	f, _ := Extract(tree)
	var used, unused []string
	for _, imp := range f.Imports {
		for _, n := range imp.Names {
			if n.ValueUse {
				used = append(used, n.Local)
			} else {
				unused = append(unused, n.Local)
			}
		}
	}
	if got, want := strings.Join(used, " "), "called jsx shorthand exported typeofValue member"; got != want {
		t.Errorf("used as values: %s\nwant: %s", got, want)
	}
	if got, want := strings.Join(unused, " "), "unused annotation alias iface query nested typeExport inlineTypeExport generic satisfied implemented Default ns"; got != want {
		t.Errorf("not used as values: %s\nwant: %s", got, want)
	}
}

func TestBrowserGlobalInTypeIsNoUse(t *testing.T) {
	check(t, "let w: typeof window | undefined\ntype D = typeof document\nexport const x = window.innerWidth\n", `
		global window module every
	`, "global")
}

// TestUseClientInFunction: 'use client' in a function body makes the
// function nothing; it stays among the directives of a Server Function.
func TestUseClientInFunction(t *testing.T) {
	check(t, `
function Counter() { 'use client'; return 0 }
async function both() { 'use client'; 'use server' }
`, `
		func "both" directive="use server" async=true inherited=false method=false static=false
	`, "func")
}

// TestCalls: calls of local and imported functions are kept where they
// may run on the server, with the module-scope function they are in; the
// functions a browser global is used in are named.
func TestCalls(t *testing.T) {
	check(t, `
import { viewportWidth, track } from './viewport'
import * as ui from './ui'
const size = measure()
function measure() { return window.innerWidth }
const half = () => measure() / 2
export default function Page({ wide }) {
  const later = () => track(measure())
  return <span onClick={() => track()}>{viewportWidth()}{ui.label()}{half()}{[1].map(x => measure())}{wide && half()}{later}</span>
}
export function Guarded() {
  if (typeof window === 'undefined') return null
  return measure()
}
function outer() { return function inner() { return document.title } }
`, `
		call measure() localfn module every
		call measure() localfn deferred in half every
		call viewportWidth() import render(./viewport viewportWidth) every
		call ui.label() import render(./ui label) every
		call half() localfn render every
		call half() localfn render
		global window deferred in measure every
		global document deferred
	`, "call", "global")
}

// TestEveryCall: a browser global read on every render of a component
// is told from one some renders skip.
func TestEveryCall(t *testing.T) {
	check(t, `
export function A() { const w = window.innerWidth; return <p>{w}{document.title}</p> }
export function B({ e }) { if (e) return null; return <p>{window.x}</p> }
export function C({ e }) { return e ? <p>{window.y}</p> : <p>{e && localStorage.length}</p> }
export function D() { const [s] = useState(0); return <p>{window.z}</p> }
export function E() { try { return location.href } catch { return null } }
`, `
		global window render every
		global document render every
		global window render
		global window render
		global localStorage render
		global window render
		global location render
	`, "global")
}

// TestEveryModuleLoad: a module-scope read outside any condition (and
// outside an instance field, set only when an instance is made) runs
// whenever the module loads.
func TestEveryModuleLoad(t *testing.T) {
	check(t, `
const a = window.innerWidth
const b = canUseDOM ? document.title : ''
if (ready) { localStorage.clear() }
const c = ready && sessionStorage.length
class Store { static key = location.href; items = history.length }
`, `
		global window module every
		global document module
		global localStorage module
		global sessionStorage module
		global location module every
		global history module
	`, "global")
}

// TestEveryRender: react's own hooks that neither suspend nor bail out of
// server rendering leave a read on every render; any other hook, or one
// that only shares a name with react's, may stop the render first.
func TestEveryRender(t *testing.T) {
	check(t, `
import React, { useState, useRef as useBox, use, useSyncExternalStore } from 'react'
import * as R from 'react'
import { useSearchParams } from 'next/navigation'
import { useReducer } from 'preact/hooks'
export function A() { const [s] = useState(0); const r = useBox(null); return <p>{window.a}</p> }
export function B() { React.useMemo(() => 1, []); R.useEffect(() => {}); return <p>{document.b}</p> }
export function C() { const [s] = useState(0); if (s) return null; return <p>{localStorage.c}</p> }
export function D() { use(promise); return <p>{sessionStorage.d}</p> }
export function E() { useSearchParams(); return <p>{location.e}</p> }
export function F() { useReducer(f, 0); useWidth(); return <p>{history.f}</p> }
export function G() { useSyncExternalStore(sub, get, get); return <p>{alert.g}</p> }
export function H() { useSyncExternalStore(sub, get); return <p>{confirm.h}</p> }
export function I() { useState(0); R.use(promise); return <p>{prompt.i}</p> }
`, `
		global window render every-render
		global document render every-render
		global localStorage render
		global sessionStorage render every not-every-render
		global location render
		global history render
		global alert render every-render
		global confirm render
		global prompt render
	`, "global")
}
