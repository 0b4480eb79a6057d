package graph_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/vfs"
)

const pkg = `{"name":"app","dependencies":{"next":"15.0.0"}}`

func build(t *testing.T, files vfs.MapFS) (*engine.Snapshot, *graph.Graph) {
	t.Helper()
	if _, ok := files["/w/package.json"]; !ok {
		files["/w/package.json"] = pkg
	}
	// Every file, reached or not, so that the tests see modules in no graph.
	snap, err := engine.Load(context.Background(), files, "/w", engine.Options{ParseAll: true})
	if err != nil {
		t.Fatal(err)
	}
	return snap, snap.Graph()
}

// envs renders "path env" lines for the workspace's own modules.
func envs(snap *engine.Snapshot, g *graph.Graph) string {
	var lines []string
	for _, m := range g.Modules {
		if strings.Contains(m.Path, "node_modules") && !m.External {
			continue
		}
		var e []string
		if m.Boundary {
			e = append(e, "boundary")
		}
		if m.ServerRef {
			e = append(e, "serverref")
		}
		if m.In(graph.Server) {
			e = append(e, "server")
		}
		if m.In(graph.Client) {
			e = append(e, "client")
		}
		if m.InPages() {
			e = append(e, "pages")
		}
		if len(e) == 0 {
			e = append(e, "-")
		}
		lines = append(lines, snap.Rel(m.Path)+" "+strings.Join(e, ","))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func chain(snap *engine.Snapshot, g *graph.Graph, path string, env graph.Env) string {
	var parts []string
	for _, s := range g.Chain(g.Module(path), env) {
		parts = append(parts, snap.Rel(s.Module.Path))
	}
	return strings.Join(parts, " > ")
}

func expect(t *testing.T, got, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(want), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	sort.Strings(lines)
	if w := strings.Join(lines, "\n"); got != w {
		t.Errorf("got:\n%s\nwant:\n%s", got, w)
	}
}

func TestEnvironments(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/layout.tsx":            "import { Nav } from '../components/nav'\nexport default function L({children}) { return <Nav>{children}</Nav> }",
		"/w/app/page.tsx":              "import { fmt } from '../lib/format'\nimport { Modal } from '../components/modal'\nexport default function P() { return <Modal>{fmt(1)}</Modal> }",
		"/w/app/error.tsx":             "'use client'\nexport default function E() { return null }",
		"/w/app/api/route.ts":          "import { db } from '../../lib/db'\nexport async function GET() { return db() }",
		"/w/components/nav.tsx":        "export function Nav({children}) { return children }",
		"/w/components/modal.tsx":      "'use client'\nimport { fmt } from '../lib/format'\nimport { save } from '../lib/actions'\nimport { Inner } from './inner'\nexport function Modal() { return <Inner f={fmt} s={save} /> }",
		"/w/components/inner.tsx":      "import { Deep } from './deep'\nexport function Inner() { return <Deep /> }",
		"/w/components/deep.tsx":       "export function Deep() { return null }",
		"/w/components/unused.tsx":     "export function Unused() { return null }",
		"/w/lib/format.ts":             "export function fmt(n) { return String(n) }",
		"/w/lib/actions.ts":            "'use server'\nimport { db } from './db'\nexport async function save() { return db() }",
		"/w/lib/db.ts":                 "import 'server-only'\nexport async function db() {}",
		"/w/lib/types.ts":              "export type T = string",
		"/w/lib/uses-types.ts":         "import type { T } from './types'\nimport { type T as U } from './types'\nexport const x: T = ''",
		"/w/middleware.ts":             "import { x } from './lib/uses-types'\nexport function middleware() { return x }",
		"/w/pages/index.tsx":           "import { Deep } from '../components/deep'\nexport default function Home() { return <Deep /> }",
		"/w/instrumentation-client.ts": "import { fmt } from './lib/format'\nfmt(1)",
	})
	expect(t, envs(snap, g), `
		app/api/route.ts server
		app/error.tsx boundary,client
		app/layout.tsx server
		app/page.tsx server
		components/deep.tsx client,pages
		components/inner.tsx client
		components/modal.tsx boundary,client
		components/nav.tsx server
		components/unused.tsx -
		instrumentation-client.ts client
		lib/actions.ts serverref,server
		lib/db.ts server
		lib/format.ts server,client
		lib/types.ts -
		lib/uses-types.ts server
		middleware.ts server
		pages/index.tsx pages
	`)
	if got, want := chain(snap, g, "/w/components/deep.tsx", graph.Client), "app/page.tsx > components/modal.tsx > components/inner.tsx > components/deep.tsx"; got != want {
		t.Errorf("client chain = %q, want %q", got, want)
	}
	if got, want := chain(snap, g, "/w/lib/db.ts", graph.Server), "app/api/route.ts > lib/db.ts"; got != want {
		t.Errorf("server chain = %q, want %q (the shorter of two)", got, want)
	}
	if got := chain(snap, g, "/w/lib/db.ts", graph.Client); got != "" {
		t.Errorf("db.ts reached from the client through a server reference: %q", got)
	}
	if b := g.BoundaryImporter(g.Module("/w/components/modal.tsx")); b.From == nil || snap.Rel(b.From.Path) != "app/page.tsx" {
		t.Errorf("boundary importer = %+v", b)
	}
}

func TestCyclesTerminate(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/page.tsx": "import { a } from '../lib/a'\nexport default function P() { return a }",
		"/w/lib/a.ts":     "import { b } from './b'\nexport const a = () => b",
		"/w/lib/b.ts":     "import { c } from './c'\nexport const b = () => c",
		"/w/lib/c.ts":     "import { a } from './a'\nimport { c2 } from './c'\nexport const c = () => a\nexport const c2 = 1",
		"/w/lib/x.tsx":    "'use client'\nimport { y } from './y'\nexport const x = y",
		"/w/lib/y.tsx":    "import { x } from './x'\nexport const y = x",
	})
	expect(t, envs(snap, g), `
		app/page.tsx server
		lib/a.ts server
		lib/b.ts server
		lib/c.ts server
		lib/x.tsx boundary,client
		lib/y.tsx client
	`)
	if got, want := chain(snap, g, "/w/lib/c.ts", graph.Server), "app/page.tsx > lib/a.ts > lib/b.ts > lib/c.ts"; got != want {
		t.Errorf("chain = %q, want %q", got, want)
	}
}

func TestPackagesResolvePerEnvironment(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/page.tsx":                      "import { Widget } from 'widgets'\nimport { C } from '../components/c'\nexport default function P() { return <Widget /> }",
		"/w/components/c.tsx":                  "'use client'\nimport { Widget } from 'widgets'\nexport function C() { return <Widget /> }",
		"/w/node_modules/widgets/package.json": `{"name":"widgets","exports":{".":{"react-server":"./server.js","default":"./client.js"}}}`,
		"/w/node_modules/widgets/server.js":    "export function Widget() { return null }",
		"/w/node_modules/widgets/client.js":    "'use client'\nimport { useState } from 'react'\nexport function Widget() { useState(); return null }",
		"/w/node_modules/react/package.json":   `{"name":"react","main":"index.js"}`,
		"/w/node_modules/react/index.js":       "module.exports = {}",
	})
	server := g.Target(g.Module("/w/app/page.tsx"), 0, graph.Server)
	client := g.Target(g.Module("/w/components/c.tsx"), 0, graph.Client)
	if server == nil || snap.Rel(server.Path) != "node_modules/widgets/server.js" || !server.External || server.Package != "widgets" || !server.In(graph.Server) {
		t.Errorf("server target = %+v", server)
	}
	if client == nil || snap.Rel(client.Path) != "node_modules/widgets/client.js" || !client.In(graph.Client) || client.In(graph.Server) {
		t.Errorf("client target = %+v", client)
	}
	for _, m := range g.Modules {
		if strings.Contains(m.Path, "/react/") {
			t.Errorf("framework package followed: %s", m.Path)
		}
	}
}

func TestUsageAndLiveness(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/page.tsx":  "import { Card } from '../ui'\nimport * as all from '../lib/all'\nexport default function P() { return <Card all={all} /> }",
		"/w/ui/index.ts":   "export * from './card'\nexport { Button as Btn } from './button'\nexport * from './extra'",
		"/w/ui/card.tsx":   "import { helper } from './helper'\nexport function Card() { return helper() }\nexport function Other() { return null }",
		"/w/ui/helper.ts":  "export function helper() { return 1 }\nexport function notUsed() { return 2 }\nsetup()\nfunction setup() {}",
		"/w/ui/button.tsx": "export function Button() { return null }",
		"/w/ui/extra.tsx":  "export function Extra() { return null }",
		"/w/lib/all.ts":    "export function a() {}\nexport function b() {}",
	})
	live := func(path string) string {
		m := g.Module(path)
		var out []string
		for i := range m.Facts.Stmts {
			if g.Live(m, i) {
				out = append(out, fmt.Sprint(i))
			}
		}
		return strings.Join(out, " ")
	}
	for path, want := range map[string]string{
		"/w/ui/card.tsx":   "0 1",   // Card and the import it uses; not Other
		"/w/ui/helper.ts":  "0 2 3", // helper, the top-level call and what it calls
		"/w/ui/button.tsx": "",      // Btn is never imported
		"/w/ui/extra.tsx":  "",      // nothing asks export * for Extra
		"/w/lib/all.ts":    "0 1",   // a namespace import uses everything
		"/w/app/page.tsx":  "0 1 2", // a root: its default export and the imports it uses
	} {
		if got := live(path); got != want {
			t.Errorf("%s live statements = %q, want %q", snap.Rel(path), got, want)
		}
	}
}

func TestOrigin(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/page.tsx":         "import { Button, Text, act, Plain } from '../ui'\nexport default function P() { return null }",
		"/w/ui/index.ts":          "export * from './client'\nexport { Text } from './text'\nexport { act } from '../lib/actions'\nexport * from './nested'",
		"/w/ui/client/index.ts":   "export { Button } from './button'",
		"/w/ui/client/button.tsx": "'use client'\nexport function Button() { return null }",
		"/w/ui/text.tsx":          "export function Text() { return null }",
		"/w/ui/nested/index.ts":   "import { Plain as P } from './plain'\nexport { P as Plain }",
		"/w/ui/nested/plain.tsx":  "export const Plain = () => null",
		"/w/lib/actions.ts":       "'use server'\nexport async function act() {}",
	})
	barrel := g.Module("/w/ui/index.ts")
	for name, want := range map[string]string{
		"Button": "ui/client/button.tsx Button boundary=ui/client/button.tsx",
		"Text":   "ui/text.tsx Text",
		"act":    "lib/actions.ts act serverref=lib/actions.ts",
		"Plain":  "ui/nested/plain.tsx Plain",
		"None":   "<nil>",
	} {
		o, x, b, sr := g.Origin(barrel, name, graph.Server)
		got := "<nil>"
		if x != nil {
			got = snap.Rel(o.Path) + " " + x.Name
			if b != nil {
				got += " boundary=" + snap.Rel(b.Path)
			}
			if sr != nil {
				got += " serverref=" + snap.Rel(sr.Path)
			}
		}
		if got != want {
			t.Errorf("Origin(%s) = %q, want %q", name, got, want)
		}
	}
}

// TestElision: imports that TypeScript elides make no edge; JavaScript
// files keep theirs; under verbatimModuleSyntax Turbopack alone keeps the
// imports TypeScript would elide, and what they alone reach says so.
func TestElision(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/page.tsx": `import { Widget } from '../components/widget'
import { Legacy } from '../components/legacy'
import { Strict } from '../strict/strict'
export default function P() { return <><Widget /><Legacy /><Strict /></> }`,
		"/w/components/widget.tsx": `'use client'
import type { A } from '../lib/type-import'
import { type B } from '../lib/inline-type'
import { C } from '../lib/unused'
import { D, E } from '../lib/type-use'
import '../lib/side-effect'
import { F } from '../lib/value-use'
export type { G } from '../lib/export-type'
export { H } from '../lib/reexport'
const lazy = () => import('../lib/dynamic')
let d: D
type T = typeof E
export function Widget() { return <F /> }`,
		"/w/components/legacy.jsx": "'use client'\nimport { C } from '../lib/js-unused'\nexport function Legacy() { return null }",
		"/w/strict/tsconfig.json":  `{"compilerOptions": {"verbatimModuleSyntax": true}}`,
		"/w/strict/strict.tsx":     "'use client'\nimport { type S } from './inline'\nimport { U } from './unused'\nexport function Strict() { return null }",
		"/w/strict/inline.ts":      "import { deep } from './deep'\nexport type S = string\nexport const s = deep",
		"/w/strict/deep.ts":        "export const deep = 1",
		"/w/strict/unused.ts":      "export const U = 1",
		"/w/lib/type-import.ts":    "export type A = 1",
		"/w/lib/inline-type.ts":    "export type B = 1",
		"/w/lib/unused.ts":         "export const C = 1",
		"/w/lib/type-use.ts":       "export interface D {}\nexport const E = 1",
		"/w/lib/side-effect.ts":    "export {}",
		"/w/lib/value-use.tsx":     "export const F = () => null",
		"/w/lib/export-type.ts":    "export type G = 1",
		"/w/lib/reexport.ts":       "export const H = 1",
		"/w/lib/dynamic.ts":        "export const lazy = 1",
		"/w/lib/js-unused.js":      "export const C = 1",
	})
	var got []string
	for _, m := range g.Modules {
		if m.In(graph.Client) && !m.Boundary {
			line := snap.Rel(m.Path)
			if m.OnlyWithTurbopack(graph.Client) {
				line += " (Turbopack only)"
			}
			got = append(got, line)
		}
	}
	sort.Strings(got)
	expect(t, strings.Join(got, "\n"), `
		lib/dynamic.ts
		lib/js-unused.js
		lib/reexport.ts
		lib/side-effect.ts
		lib/value-use.tsx
		strict/deep.ts (Turbopack only)
		strict/inline.ts (Turbopack only)
		strict/unused.ts (Turbopack only)
	`)
	w := g.Module("/w/components/widget.tsx")
	var loads []string
	for i := range w.Facts.Imports {
		loads = append(loads, w.Load(i).String())
	}
	if got, want := strings.Join(loads, ", "), "erased, erased, erased, erased, loaded, loaded, erased, loaded, loaded"; got != want {
		t.Errorf("widget.tsx loads %s, want %s", got, want)
	}
	if got, want := chain(snap, g, "/w/strict/deep.ts", graph.Client), "app/page.tsx > strict/strict.tsx > strict/inline.ts > strict/deep.ts"; got != want {
		t.Errorf("chain = %q, want %q", got, want)
	}
}

// TestUnresolved: imports of the workspace's own code that resolve to no
// file are listed with their cause; the framework's packages, assets and
// installed packages' own imports are not.
func TestUnresolved(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/page.tsx": `import Link from 'next/link'
import { useState } from 'react'
import './globals.css'
import { a } from '../lib/a'
import { gone } from '../lib/gone'
import clsx from 'clsx'
import { dep } from 'dep'
export default function Page() { return a + gone + clsx + dep + Link + useState }`,
		"/w/app/globals.css":               `body {}`,
		"/w/lib/a.ts":                      `export const a = 1`,
		"/w/node_modules/dep/package.json": `{"name":"dep","main":"index.js"}`,
		"/w/node_modules/dep/index.js":     `import 'optional-peer'; export const dep = 1`,
		"/w/components/unused.tsx":         `import x from 'never-checked'; export default x`,
	})
	var got []string
	for _, u := range g.Unresolved() {
		got = append(got, fmt.Sprintf("%s %q %v", snap.Rel(u.Module.Path), u.Module.Facts.Imports[u.Import].Source, u.Result.Cause))
	}
	want := []string{
		`app/page.tsx "../lib/gone" no such file`,
		`app/page.tsx "clsx" package not installed`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Unresolved:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPagesRouter: the pages of the Pages Router and what they import form
// a graph of their own; API routes are not part of it, nor is what only
// they import; a 'use server' module stops the walk as in the client graph.
func TestPagesRouter(t *testing.T) {
	snap, g := build(t, vfs.MapFS{
		"/w/app/page.tsx":        "import { Shared } from '../lib/shared'\nexport default function P() { return <Shared /> }",
		"/w/pages/legacy.tsx":    "import { Shared } from '../lib/shared'\nimport { load } from '../lib/load'\nimport { act } from '../lib/actions'\nexport default function L() { return <Shared data={load()} action={act} /> }",
		"/w/pages/api/hello.ts":  "import { db } from '../../lib/db'\nexport default function h(req, res) { res.json(db) }",
		"/w/lib/shared.tsx":      "export function Shared() { return null }",
		"/w/lib/load.ts":         "import { db } from './db'\nexport const load = () => db",
		"/w/lib/db.ts":           "export const db = {}",
		"/w/lib/actions.ts":      "'use server'\nimport { db } from './only-actions'\nexport async function act() { return db }",
		"/w/lib/only-actions.ts": "export const db = {}",
	})
	expect(t, envs(snap, g), `
		app/page.tsx server
		lib/actions.ts serverref,server
		lib/db.ts pages
		lib/load.ts pages
		lib/only-actions.ts server
		lib/shared.tsx server,pages
		pages/api/hello.ts -
		pages/legacy.tsx pages
	`)
	var parts []string
	for _, s := range g.PagesChain(g.Module("/w/lib/db.ts")) {
		parts = append(parts, snap.Rel(s.Module.Path))
	}
	if got := strings.Join(parts, " > "); got != "pages/legacy.tsx > lib/load.ts > lib/db.ts" {
		t.Errorf("pages chain of lib/db.ts: %s", got)
	}
	if g.PagesChain(g.Module("/w/app/page.tsx")) != nil {
		t.Error("a page of the app directory has a pages chain")
	}
}
