package graph

import "github.com/rscls/rscls/analysis/resolve"

// Unresolved is an import of the workspace's own code that resolves to
// nothing: the graph has a hole there, and no check sees past it.
type Unresolved struct {
	Module *Module
	Import int // index into Module.Facts.Imports
	Env    Env // the first environment it was resolved in and missed
	Result resolve.Result
}

// Unresolved lists the imports of the workspace's own modules that the
// build resolved, in some environment, to nothing, in module and import
// order. Imports of the framework's packages are left out: rscls knows
// their APIs by name and follows none of them.
func (g *Graph) Unresolved() []Unresolved { return g.unresolved }

// findUnresolved collects what Unresolved returns, once the build has
// resolved every import it follows.
func (g *Graph) findUnresolved() {
	if g.in.Resolver == nil {
		return
	}
	for _, m := range g.Modules {
		if m.External || m.Facts == nil {
			continue
		}
		for i := range m.Facts.Imports {
			for _, env := range Envs {
				if m.targets[env][i] != -1 {
					continue // resolved to a module, or never followed in env
				}
				res := g.Resolution(m, i, env)
				if res.Kind != resolve.NotFound || framework[packageName(m.Facts.Imports[i].Source)] {
					continue
				}
				g.unresolved = append(g.unresolved, Unresolved{Module: m, Import: i, Env: env, Result: res})
				break
			}
		}
	}
}

// packageName is the package a bare specifier names ("@scope/name" or
// "name"), or "".
func packageName(spec string) string {
	end := 0
	for n := 0; end < len(spec); end++ {
		if spec[end] == '/' {
			n++
			if n == 2 || spec[0] != '@' {
				break
			}
		}
	}
	return spec[:end]
}
