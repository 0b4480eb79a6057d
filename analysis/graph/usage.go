package graph

import "github.com/rscls/rscls/analysis/facts"

// exportSet is the set of a module's exports that importers use. Names
// added since the module's re-exports were last followed wait in pending,
// so each name is passed on once.
type exportSet struct {
	all        bool
	names      map[string]bool
	pending    []string
	allPending bool
	queued     bool
}

// add records names; it reports whether the set grew.
func (s *exportSet) add(name string) bool {
	if s.all {
		return false
	}
	if name == "*" {
		s.all, s.allPending = true, true
		return true
	}
	if s.names == nil {
		s.names = map[string]bool{}
	}
	if s.names[name] {
		return false
	}
	s.names[name] = true
	s.pending = append(s.pending, name)
	return true
}

func (s *exportSet) has(name string) bool { return s.all || s.names[name] }

// computeUsage decides which exports of each server-graph module its
// importers use, following re-exports, so that code inside functions that
// no Server Component can reach does not count as rendered on the server.
// An import counts with all the names it lists, whether or not the
// importer's own code uses them: that errs on the side of reporting.
func (g *Graph) computeUsage() {
	var work []*Module
	request := func(m *Module, name string) {
		if m.requested.add(name) && !m.requested.queued {
			m.requested.queued = true
			work = append(work, m)
		}
	}
	for _, m := range g.Modules {
		if !m.reach[Server].ok {
			continue
		}
		if m.reach[Server].parent < 0 {
			request(m, "*") // a root: the framework uses every export
		}
		for i := range m.Facts.Imports {
			t := g.targetIfResolved(m, i, Server)
			if t == nil || t.Boundary || m.Load(i) != Loaded {
				continue
			}
			for _, name := range requestedNames(m, i) {
				request(t, name)
			}
		}
	}
	// Re-exports pass requests on to the modules they re-export from.
	for len(work) > 0 {
		m := work[len(work)-1]
		work = work[:len(work)-1]
		r := &m.requested
		fresh, all := r.pending, r.allPending
		r.pending, r.allPending, r.queued = nil, false, false
		isFresh := func(name string) bool {
			if all {
				return true
			}
			for _, n := range fresh {
				if n == name {
					return true
				}
			}
			return false
		}
		for i, imp := range m.Facts.Imports {
			if imp.Kind != facts.ImportReExport && imp.Kind != facts.ImportExportAll {
				continue
			}
			t := g.targetIfResolved(m, i, Server)
			if t == nil || t.Boundary {
				continue
			}
			if imp.Kind == facts.ImportExportAll && len(imp.Names) == 0 {
				if all {
					request(t, "*")
					continue
				}
				for _, name := range fresh {
					if m.Facts.ExportNamed(name) == nil {
						request(t, name)
					}
				}
				continue
			}
			for _, n := range imp.Names {
				if isFresh(n.Exported) {
					request(t, n.Imported)
				}
			}
		}
		// export { x } of an imported binding is a re-export too.
		for _, x := range m.Facts.Exports {
			if x.Kind != facts.ExportReExport || x.Source == "" || !isFresh(x.Name) {
				continue
			}
			if i := g.importFor(m, x.Source); i >= 0 {
				if t := g.targetIfResolved(m, i, Server); t != nil && !t.Boundary {
					request(t, x.Imported)
				}
			}
		}
	}
}

// targetIfResolved is Target as the walks left it: usage runs after the
// walks have resolved every followed import, and before the rest are.
func (g *Graph) targetIfResolved(m *Module, i int, env Env) *Module {
	if m.targets[env] == nil || m.targets[env][i] < 0 {
		return nil
	}
	return g.Modules[m.targets[env][i]]
}

// requestedNames lists the exports import i of m uses. A dynamic import()
// uses names nobody can see (React.lazy, registries of lazy components)
// and loads them on demand, so it makes nothing live: render-time checks
// stay quiet about code only reached that way, while the compiler's
// import checks still apply to the module.
func requestedNames(m *Module, i int) []string {
	imp := &m.Facts.Imports[i]
	switch imp.Kind {
	case facts.ImportDynamic:
		return nil
	case facts.ImportRequire:
		return []string{"*"}
	case facts.ImportReExport, facts.ImportExportAll:
		return nil // passed on when the re-exporting module's names are requested
	}
	return m.valueNames(i)
}

// Evaluated reports whether the server runs module m when the modules
// that import it load. The bundlers leave out a module of an installed
// package that they judge free of side effects (markSkippable) unless a
// server importer uses one of its exports or imports it with import();
// every other module of the server graph runs.
func (g *Graph) Evaluated(m *Module) bool {
	if !m.reach[Server].ok || m.Facts == nil {
		return false
	}
	if !m.skippable || m.requested.all || len(m.requested.names) > 0 {
		return true
	}
	for _, e := range g.importers[Server][m] {
		if e.From.Facts.Imports[e.Import].Kind == facts.ImportDynamic {
			return true
		}
	}
	return false
}

// markSkippable marks the server graph's installed modules that webpack
// and Turbopack may leave out: those whose package.json (the nearest)
// says "sideEffects": false, and those whose own statements only define
// bindings (facts.Stmt.Pure) and whose imports lead only to such modules
// or to none the graph loads (react, Node's built-ins). The app's own
// modules are never left out here: Next.js checks their imports whether
// or not they run. Import cycles count as free of side effects.
func (g *Graph) markSkippable() {
	const (
		unknown = iota
		visiting
		yes
		no
	)
	state := map[*Module]int{}
	var visit func(m *Module) bool
	visit = func(m *Module) bool {
		switch state[m] {
		case visiting, yes:
			return true
		case no:
			return false
		}
		ok := m.External && m.Facts != nil
		if ok && (g.in.Resolver == nil || !g.in.Resolver.SideEffectsFree(m.Path)) {
			state[m] = visiting
			for _, st := range m.Facts.Stmts {
				if !st.Pure {
					ok = false
					break
				}
			}
			for i := range m.Facts.Imports {
				if !ok {
					break
				}
				if t := g.targetIfResolved(m, i, Server); t != nil && m.Load(i) == Loaded && !visit(t) {
					ok = false
				}
			}
		}
		state[m] = no
		if ok {
			state[m] = yes
		}
		return ok
	}
	for _, m := range g.Modules {
		if m.reach[Server].ok && m.External {
			m.skippable = visit(m)
		}
	}
}

// Live reports whether top-level statement stmt of m can run on the
// server: statements that run when the module loads, exported
// declarations that server importers use, and what they reference.
func (g *Graph) Live(m *Module, stmt int) bool {
	if !m.reach[Server].ok || m.Facts == nil {
		return false
	}
	return stmt < 0 || stmt >= len(m.live) || m.live[stmt]
}

func (g *Graph) liveStatements(m *Module) []bool {
	f := m.Facts
	live := make([]bool, len(f.Stmts))
	var work []int
	mark := func(s int) {
		if s >= 0 && s < len(live) && !live[s] {
			live[s] = true
			work = append(work, s)
		}
	}
	for s, st := range f.Stmts {
		if !st.Decl {
			mark(s)
		}
	}
	for _, x := range f.Exports {
		if m.requested.has(x.Name) || (x.Kind == facts.ExportAll && m.requested.all) {
			mark(x.Stmt)
		}
	}
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		for _, r := range f.Stmts[s].Refs {
			mark(r)
		}
	}
	return live
}
