// Package graph builds the module graph of a workspace and decides which
// environment(s) each module runs in.
//
// The server graph starts at the App Router's entry files (pages,
// layouts, route handlers, metadata files, middleware, instrumentation)
// and at modules of Server Functions ('use server', module-level
// 'use cache'). A 'use client' module is a boundary: the server graph
// keeps a reference to it and the client graph starts there, taking in
// everything it imports, except modules of Server Functions, which the
// client only calls. A module without a directive inherits the
// environments of its importers, so it can be in both ("shared").
//
// Reachability is a breadth-first search per environment, so each module
// keeps one shortest chain of imports from a root: the chain diagnostics
// show. Imports are resolved per environment, because packages export
// different files under the react-server and browser conditions.
//
// A Graph does not change once Build returns: every import a check or a
// request can follow is resolved, and every module it leads to loaded,
// during the build, so any number of goroutines may read it.
package graph

import (
	"sort"

	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/resolve"
	"github.com/rscls/rscls/analysis/rsc"
)

// Env is an environment: the server graph or the client graph.
type Env = resolve.Env

const (
	Server = resolve.Server
	Client = resolve.Client
)

// Envs lists both environments.
var Envs = [2]Env{Server, Client}

// Unit is a file as the graph needs it.
type Unit struct {
	Path     string
	Facts    *facts.File
	Role     project.Role
	External bool   // code of an installed package (under node_modules)
	Package  string // the installed package's name, for External units
}

// Input is what Build needs.
type Input struct {
	// Units are the workspace's own files.
	Units []*Unit
	// Resolver resolves imports for the snapshot.
	Resolver *resolve.Resolver
	// Load returns the unit for a file outside Units (an installed
	// package's module), or nil when it cannot be analyzed. pkg is the
	// name of the package the import that leads there resolved into ("" for
	// none), for files whose path does not say it.
	Load func(path, pkg string) *Unit
}

// Module is a node of the graph.
type Module struct {
	*Unit
	ID int
	// Boundary is set for 'use client' modules.
	Boundary bool
	// ServerRef is set for 'use server' modules and module-level 'use cache'
	// modules: the client graph sees only references to their functions.
	ServerRef bool

	reach [2]reach
	// pages is the module's reach from the Pages Router's pages, which
	// Next.js compiles with the checks of the client graph.
	pages   reach
	targets [2][]int32 // per environment, the module each import resolves to (-1: none, -2: not yet resolved)
	// loads says, per import, whether the bundlers load it (nil: all are loaded).
	loads []Load
	// verbatim is the file's tsconfig verbatimModuleSyntax, which loads depends on.
	verbatim bool
	imports  *resolve.DirResolver // resolves its imports; nil without a resolver
	// boundaryFrom is the server-graph edge that first reaches a boundary.
	boundaryFrom Edge
	requested    exportSet // exports used by server-graph importers
	skippable    bool      // bundlers leave it out when no export is used (markSkippable)
	live         []bool    // server-graph liveness of each top-level statement; nil outside the server graph
}

type reach struct {
	ok     bool
	parent int32 // importer on a shortest chain, -1 for a root
	via    int32 // index of the import in the parent
	// turbopack is set when only imports that Turbopack keeps and webpack
	// elides lead here (see TurbopackOnly).
	turbopack bool
}

// Edge is one import between modules.
type Edge struct {
	From   *Module
	Import int // index into From.Facts.Imports
	To     *Module
}

// In reports whether the module is in the given environment's graph.
func (m *Module) In(env Env) bool { return m.reach[env].ok }

// OnlyWithTurbopack reports whether the module is in env's graph only
// when Turbopack builds it: every chain that reaches it goes through an
// import that webpack elides and Turbopack keeps.
func (m *Module) OnlyWithTurbopack(env Env) bool { return m.reach[env].ok && m.reach[env].turbopack }

// Shared reports whether the module runs in both environments.
func (m *Module) Shared() bool { return m.reach[Server].ok && m.reach[Client].ok }

// Graph is the module graph of one snapshot.
type Graph struct {
	Modules   []*Module
	byPath    map[string]*Module
	in        Input
	importers [2]map[*Module][]Edge
	// turbopackOnly is set when some import is kept by Turbopack only.
	turbopackOnly bool
	unresolved    []Unresolved
}

// Build resolves the workspace's imports and computes environments.
func Build(in Input) *Graph {
	g := &Graph{byPath: map[string]*Module{}, in: in}
	g.importers[Server] = map[*Module][]Edge{}
	g.importers[Client] = map[*Module][]Edge{}
	units := append([]*Unit(nil), in.Units...)
	sort.Slice(units, func(i, j int) bool { return units[i].Path < units[j].Path })
	for _, u := range units {
		g.add(u)
	}
	g.walkServer()
	g.walkClient()
	g.walkPages()
	g.computeUsage()
	g.markSkippable()
	for _, m := range g.Modules {
		if m.reach[Server].ok && m.Facts != nil {
			m.live = g.liveStatements(m)
		}
	}
	// Then every other import a check or a request can follow: in each
	// environment, those of the environment's modules and of whatever
	// their imports lead to. Checks and requests follow imports that the
	// walks did not (type-only ones, re-exports, those of a 'use client'
	// boundary in the server graph), and a graph that resolved them on
	// demand could not be shared. Modules loaded here are in no
	// environment: the walks are done. Files that nothing in an
	// environment imports (tests, stories, scripts) keep their imports
	// unresolved there.
	for _, env := range Envs {
		var queue []*Module
		seen := map[*Module]bool{}
		for _, m := range g.Modules {
			if m.reach[env].ok || (env == Client && m.pages.ok) {
				seen[m] = true
				queue = append(queue, m)
			}
		}
		for len(queue) > 0 {
			m := queue[0]
			queue = queue[1:]
			if m.Facts == nil {
				continue
			}
			for k := range m.Facts.Imports {
				if t := g.resolveTarget(m, k, env); t != nil && !seen[t] {
					seen[t] = true
					queue = append(queue, t)
				}
			}
		}
	}
	g.in.Load = nil
	g.findUnresolved()
	return g
}

func (g *Graph) add(u *Unit) *Module {
	m := &Module{Unit: u, ID: len(g.Modules)}
	if u.Facts != nil {
		for _, env := range Envs {
			m.targets[env] = make([]int32, len(u.Facts.Imports))
			for k := range m.targets[env] {
				m.targets[env][k] = -2 // not resolved yet
			}
		}
	}
	if u.Facts != nil {
		f := u.Facts
		m.Boundary = f.Has(rsc.UseClient) && !f.Has(rsc.UseServer)
		m.ServerRef = !m.Boundary && (f.Has(rsc.UseServer) || f.Has(rsc.UseCache))
		if g.in.Resolver != nil {
			m.imports = g.in.Resolver.ForImporter(u.Path)
			if cfg := g.in.Resolver.TSConfigFor(u.Path); cfg != nil {
				m.verbatim = cfg.VerbatimModuleSyntax
			}
		}
		m.loads = loads(u.Path, f, m.verbatim)
		for _, l := range m.loads {
			if l == TurbopackOnly {
				g.turbopackOnly = true
			}
		}
	}
	g.Modules = append(g.Modules, m)
	g.byPath[u.Path] = m
	return m
}

// Module returns the module of a path, or nil.
func (g *Graph) Module(path string) *Module { return g.byPath[path] }

// isServerRoot reports whether the server graph starts at m.
func isServerRoot(m *Module) bool {
	if m.External || m.Facts == nil || m.Boundary {
		return false
	}
	return m.Role.IsServerEntry() || m.ServerRef
}

// MayBeRoot reports, from a file's role and text alone, whether the
// server graph, the client graph or the Pages Router's may start at it:
// a superset of the roots isServerRoot, walkClient and walkPages take,
// for a driver that parses only what the graph can reach. Keep them
// together.
func MayBeRoot(role project.Role, src []byte) bool {
	return role.IsServerEntry() || role == project.RoleInstrumentationClient || role == project.RolePagesRouter || rsc.MayHaveDirective(src)
}

// framework packages are not followed: their internals are not the
// user's concern, and the checks look at the specifiers that import them.
var framework = map[string]bool{
	"react": true, "react-dom": true, "next": true, "scheduler": true, "styled-jsx": true,
	"server-only": true, "client-only": true, "@next/env": true, "@next/font": true, "@next/third-parties": true,
}

// Target returns the module import i of m resolves to in env, or nil.
func (g *Graph) Target(m *Module, i int, env Env) *Module {
	if m.Facts == nil || i < 0 || i >= len(m.Facts.Imports) {
		return nil
	}
	if t := m.targets[env][i]; t >= 0 {
		return g.Modules[t]
	}
	return nil
}

// resolveTarget resolves import i of m in env, loading the module it
// leads to; only Build calls it.
func (g *Graph) resolveTarget(m *Module, i int, env Env) *Module {
	if t := m.targets[env][i]; t != -2 {
		if t < 0 {
			return nil
		}
		return g.Modules[t]
	}
	m.targets[env][i] = -1
	imp := &m.Facts.Imports[i]
	res := m.imports.Resolve(imp.Source, env, imp.Kind == facts.ImportRequire)
	if res.Kind != resolve.File || framework[res.Package] {
		return nil
	}
	t := g.byPath[res.Path]
	if t == nil && g.in.Load != nil {
		if u := g.in.Load(res.Path, res.Package); u != nil {
			t = g.add(u)
		}
	}
	if t == nil {
		return nil
	}
	m.targets[env][i] = int32(t.ID)
	return t
}

// Resolution returns how import i of m resolves in env, for explanations.
func (g *Graph) Resolution(m *Module, i int, env Env) resolve.Result {
	imp := &m.Facts.Imports[i]
	return g.in.Resolver.Resolve(m.Path, imp.Source, env, imp.Kind == facts.ImportRequire)
}

func (g *Graph) walkServer() {
	var roots []*Module
	for _, m := range g.Modules {
		if isServerRoot(m) {
			roots = append(roots, m)
		}
	}
	g.walk(Server, roots, func(m, t *Module, e Edge) bool {
		if t.Boundary {
			if t.boundaryFrom.From == nil {
				t.boundaryFrom = e
			}
			return false // a client reference: the client graph takes over
		}
		return t.Facts != nil
	})
}

func (g *Graph) walkClient() {
	var roots []*Module
	for _, m := range g.Modules {
		if m.Facts != nil && (m.Boundary || (!m.External && m.Role == project.RoleInstrumentationClient)) {
			roots = append(roots, m)
		}
	}
	g.walk(Client, roots, func(m, t *Module, e Edge) bool {
		// A module of Server Functions is only called from the client. An
		// installed package's 'use client' module reached only from the
		// client graph is a root of its own (see below).
		return !t.ServerRef && t.Facts != nil
	})
}

// walk is the breadth-first search of env's graph from roots. enter
// decides whether the search goes on into t through edge e. Imports that
// no bundler loads make no edge. The imports only Turbopack keeps are
// followed last, so that what they alone reach is known as such.
func (g *Graph) walk(env Env, roots []*Module, enter func(m, t *Module, e Edge) bool) {
	var order []*Module
	for _, m := range roots {
		m.reach[env] = reach{ok: true, parent: -1, via: -1}
		order = append(order, m)
	}
	step := func(queue []*Module, turbopack bool) []*Module {
		for len(queue) > 0 {
			m := queue[0]
			queue = queue[1:]
			for i := range m.Facts.Imports {
				switch m.Load(i) {
				case Erased:
					continue
				case TurbopackOnly:
					if !turbopack {
						continue
					}
				case Loaded:
					if turbopack && !m.reach[env].turbopack {
						continue // followed in the first round
					}
				}
				t := g.resolveTarget(m, i, env)
				if t == nil {
					continue
				}
				e := Edge{From: m, Import: i, To: t}
				g.importers[env][t] = append(g.importers[env][t], e)
				if t.reach[env].ok || !enter(m, t, e) {
					continue
				}
				r := reach{ok: true, parent: int32(m.ID), via: int32(i), turbopack: turbopack}
				if env == Client && t.Boundary {
					r.parent, r.via = -1, -1
				}
				t.reach[env] = r
				queue = append(queue, t)
				order = append(order, t)
			}
		}
		return queue
	}
	step(append([]*Module(nil), order...), false)
	if g.turbopackOnly {
		step(append([]*Module(nil), order...), true)
	}
}

// walkPages finds the modules of the Pages Router: the pages (API routes
// are not: Next.js compiles them for the server without these checks) and
// what they import, resolved as the client graph resolves. Modules of
// Server Functions are left out, as in the client graph.
func (g *Graph) walkPages() {
	var queue []*Module
	for _, m := range g.Modules {
		if m.Facts != nil && !m.External && m.Role == project.RolePagesRouter {
			m.pages = reach{ok: true, parent: -1, via: -1}
			queue = append(queue, m)
		}
	}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		for i := range m.Facts.Imports {
			if m.Load(i) != Loaded {
				continue // erased, or kept by Turbopack alone: both bundlers must load it
			}
			t := g.resolveTarget(m, i, Client)
			if t == nil || t.ServerRef || t.pages.ok || t.Facts == nil {
				continue
			}
			t.pages = reach{ok: true, parent: int32(m.ID), via: int32(i)}
			queue = append(queue, t)
		}
	}
}

// InPages reports whether a page of the Pages Router imports the module,
// directly or not.
func (m *Module) InPages() bool { return m.pages.ok }

// PagesChain returns a shortest import chain from a page of the Pages
// Router to m, the page first; nil when no page reaches m.
func (g *Graph) PagesChain(m *Module) []Step {
	if !m.pages.ok {
		return nil
	}
	var rev []Step
	for cur := m; ; {
		r := cur.pages
		rev = append(rev, Step{Module: cur, Import: -1})
		if r.parent < 0 || len(rev) > len(g.Modules) {
			break
		}
		rev[len(rev)-1].Import = int(r.via)
		cur = g.Modules[r.parent]
	}
	out := make([]Step, len(rev))
	for i := range rev {
		out[i] = rev[len(rev)-1-i]
	}
	return out
}

// Importers returns the edges into m from modules of env's graph.
func (g *Graph) Importers(m *Module, env Env) []Edge { return g.importers[env][m] }

// BoundaryImporter returns the first server-graph import of a 'use client'
// module, or an Edge with nil From when no Server Component imports it.
func (g *Graph) BoundaryImporter(m *Module) Edge { return m.boundaryFrom }

// Step is one module of an import chain. Import is the index of the import
// in the previous step's module that leads here (-1 for the first step).
type Step struct {
	Module *Module
	Import int
}

// Chain returns a shortest import chain from a root of env's graph to m,
// root first; nil when m is not in env. A client chain starts at its
// 'use client' boundary, preceded by the server chain that reaches the
// boundary when there is one.
func (g *Graph) Chain(m *Module, env Env) []Step {
	if !m.reach[env].ok {
		return nil
	}
	var rev []Step
	cur := m
	for {
		r := cur.reach[env]
		rev = append(rev, Step{Module: cur, Import: -1})
		if r.parent < 0 {
			break
		}
		rev[len(rev)-1].Import = int(r.via)
		cur = g.Modules[r.parent]
		if len(rev) > len(g.Modules) {
			break // cannot happen with BFS parents; guards against a cycle bug
		}
	}
	if env == Client && cur.Boundary && cur.boundaryFrom.From != nil {
		rev[len(rev)-1].Import = cur.boundaryFrom.Import
		prefix := g.Chain(cur.boundaryFrom.From, Server)
		for i := len(prefix) - 1; i >= 0; i-- {
			rev = append(rev, prefix[i])
		}
	}
	out := make([]Step, len(rev))
	for i := range rev {
		out[i] = rev[len(rev)-1-i]
	}
	return out
}

// Origin follows a name exported by m (through re-exports and barrels) to
// the module that declares it. Boundary is the first 'use client' module
// on the way, whose export is then a client reference; ServerRef likewise
// the first module of Server Functions. It returns nil for the module
// when the name cannot be traced.
func (g *Graph) Origin(m *Module, name string, env Env) (origin *Module, exp *facts.Export, boundary, serverRef *Module) {
	return g.origin(m, name, env, func(...*Module) {})
}

// origin is Origin, calling visit for every module it looks at.
func (g *Graph) origin(m *Module, name string, env Env, visit func(...*Module)) (origin *Module, exp *facts.Export, boundary, serverRef *Module) {
	seen := map[*Module]bool{}
	for depth := 0; m != nil && m.Facts != nil && depth < 64 && !seen[m]; depth++ {
		seen[m] = true
		visit(m)
		if m.Boundary && boundary == nil && serverRef == nil {
			boundary = m
		}
		if m.ServerRef && boundary == nil && serverRef == nil {
			serverRef = m
		}
		if name == "*" {
			return m, nil, boundary, serverRef
		}
		x := m.Facts.ExportNamed(name)
		if x == nil {
			// export * from ...: look in each star source.
			for i, imp := range m.Facts.Imports {
				if imp.Kind != facts.ImportExportAll || len(imp.Names) > 0 || name == "default" {
					continue
				}
				t := g.Target(m, i, env)
				visit(t)
				if t == nil || t.Facts == nil {
					continue
				}
				if o, e, b, s := g.origin(t, name, env, visit); e != nil {
					if boundary == nil && serverRef == nil {
						boundary, serverRef = b, s
					}
					return o, e, boundary, serverRef
				}
			}
			return nil, nil, boundary, serverRef
		}
		if x.Kind != facts.ExportReExport || x.Source == "" {
			return m, x, boundary, serverRef
		}
		next := g.importFor(m, x.Source)
		if next < 0 {
			return m, x, boundary, serverRef
		}
		m, name = g.Target(m, next, env), x.Imported
		visit(m)
	}
	return nil, nil, boundary, serverRef
}

// importFor returns the index of m's first runtime import of source.
func (g *Graph) importFor(m *Module, source string) int {
	for i, imp := range m.Facts.Imports {
		if imp.Source == source && !imp.TypeOnly {
			return i
		}
	}
	return -1
}

// IsRoot reports whether env's graph starts at m (an entry file, a module
// of Server Functions, a 'use client' boundary).
func (m *Module) IsRoot(env Env) bool { return m.reach[env].ok && m.reach[env].parent < 0 }

// ResolveSpecifier resolves a specifier as if m imported it, returning the
// file path or "".
func (g *Graph) ResolveSpecifier(m *Module, specifier string, env Env) string {
	res := g.in.Resolver.Resolve(m.Path, specifier, env, false)
	if res.Kind != resolve.File {
		return ""
	}
	return res.Path
}
