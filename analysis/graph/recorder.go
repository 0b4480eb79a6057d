package graph

import (
	"hash/fnv"
	"sort"

	"github.com/rscls/rscls/analysis/facts"
)

// Recorder is the graph as one analysis pass sees it. It records every module
// the pass looks at, so that after a change only the passes whose inputs
// changed need to run again. Graph methods reached through a Recorder are
// the only way a pass learns about other modules.
type Recorder struct {
	*Graph
	deps map[*Module]struct{}
}

// Record returns a recorder of the graph, for one pass.
func (g *Graph) Record() *Recorder { return &Recorder{Graph: g, deps: map[*Module]struct{}{}} }

func (v *Recorder) touch(ms ...*Module) {
	for _, m := range ms {
		if m != nil {
			v.deps[m] = struct{}{}
		}
	}
}

// Deps returns the paths of the modules the pass looked at, sorted.
func (v *Recorder) Deps() []string {
	out := make([]string, 0, len(v.deps))
	for m := range v.deps {
		out = append(out, m.Path)
	}
	sort.Strings(out)
	return out
}

// Target is Graph.Target, recorded.
func (v *Recorder) Target(m *Module, i int, env Env) *Module {
	t := v.Graph.Target(m, i, env)
	v.touch(m, t)
	return t
}

// Origin is Graph.Origin, recording every module on the way.
func (v *Recorder) Origin(m *Module, name string, env Env) (origin *Module, exp *facts.Export, boundary, serverRef *Module) {
	return v.Graph.origin(m, name, env, v.touch)
}

// Chain is Graph.Chain, recorded.
func (v *Recorder) Chain(m *Module, env Env) []Step {
	chain := v.Graph.Chain(m, env)
	for _, s := range chain {
		v.touch(s.Module)
	}
	v.touch(m)
	return chain
}

// PagesChain is Graph.PagesChain, recorded.
func (v *Recorder) PagesChain(m *Module) []Step {
	chain := v.Graph.PagesChain(m)
	for _, s := range chain {
		v.touch(s.Module)
	}
	v.touch(m)
	return chain
}

// Importers is Graph.Importers, recorded (a module's signature covers its
// importers, so gaining one counts as a change).
func (v *Recorder) Importers(m *Module, env Env) []Edge {
	edges := v.Graph.Importers(m, env)
	v.touch(m)
	for _, e := range edges {
		v.touch(e.From)
	}
	return edges
}

// BoundaryImporter is Graph.BoundaryImporter, recorded.
func (v *Recorder) BoundaryImporter(m *Module) Edge {
	e := v.Graph.BoundaryImporter(m)
	v.touch(m, e.From)
	return e
}

// Live is Graph.Live, recorded.
func (v *Recorder) Live(m *Module, stmt int) bool {
	v.touch(m)
	return v.Graph.Live(m, stmt)
}

// Evaluated is Graph.Evaluated, recorded.
func (v *Recorder) Evaluated(m *Module) bool {
	v.touch(m)
	return v.Graph.Evaluated(m)
}

// Signature is what other modules' passes can observe of a module. Two
// snapshots' modules with equal signatures look the same to every pass.
type Signature struct {
	facts     *facts.File
	boundary  bool
	serverRef bool
	verbatim  bool
	skippable bool
	in        [2]bool
	turbopack [2]bool
	parent    [2]string
	via       [2]int32
	pages     bool
	pagesFrom string
	pagesVia  int32
	fromPath  string
	fromImp   int
	requested uint64
	importers [2]uint64
}

// Signature returns m's signature in this graph.
func (g *Graph) Signature(m *Module) Signature {
	s := Signature{facts: m.Facts, boundary: m.Boundary, serverRef: m.ServerRef, verbatim: m.verbatim, skippable: m.skippable, fromImp: -1}
	for _, env := range Envs {
		r := m.reach[env]
		s.in[env] = r.ok
		s.turbopack[env] = r.turbopack
		s.via[env] = r.via
		if r.ok && r.parent >= 0 {
			s.parent[env] = g.Modules[r.parent].Path
		}
		var sum uint64
		for _, e := range g.importers[env][m] {
			h := fnv.New64a()
			h.Write([]byte(e.From.Path))
			h.Write([]byte{byte(e.Import), byte(e.Import >> 8)})
			sum += h.Sum64() // order does not matter
		}
		s.importers[env] = sum
	}
	if e := m.boundaryFrom; e.From != nil {
		s.fromPath, s.fromImp = e.From.Path, e.Import
	}
	s.pages, s.pagesVia = m.pages.ok, m.pages.via
	if m.pages.ok && m.pages.parent >= 0 {
		s.pagesFrom = g.Modules[m.pages.parent].Path
	}
	if m.requested.all {
		s.requested = 1
	} else {
		for name := range m.requested.names {
			h := fnv.New64a()
			h.Write([]byte(name))
			s.requested += h.Sum64() | 2
		}
	}
	return s
}
