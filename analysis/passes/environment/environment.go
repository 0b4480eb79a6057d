// Package environment is an analyzer that reports nothing: it decides
// what ties modules and imports to one environment. Server-only modules
// and APIs (server-only, next/headers, revalidatePath, the modules of
// serverOnlyModules) must stay out of the client graph; client-only
// modules (client-only, react-dom/client, next/router, the modules of
// clientOnlyModules) out of the server graph.
//
// A check requires it and reads its result, *environment.Result, from
// pass.ResultOf[environment.Analyzer]. The result answers for any module,
// through the pass's view of the graph, and remembers its answers.
package environment

import (
	"reflect"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "environment",
	Doc: `what ties modules and imports to the server or the client

The result says which imports are server-only or client-only under the
configuration in force, and why a module (or an installed package's
module, through the package's own imports) cannot run on the client.`,
	Scope:      analysis.GraphScope,
	ResultType: reflect.TypeFor[*Result](),
	Run: func(pass *analysis.Pass) (any, error) {
		return &Result{pass: pass, serverOnly: map[*graph.Module]string{}}, nil
	},
}

// Result answers what ties modules and imports to one environment.
type Result struct {
	pass       *analysis.Pass
	serverOnly map[*graph.Module]string
}

// MatchModule reports whether specifier names module or one of its subpaths.
func MatchModule(specifier, module string) bool {
	return specifier == module || strings.HasPrefix(specifier, module+"/")
}

// ServerOnlyImport returns what makes an import server-only
// ("next/headers", "server-only", or a named API such as
// "revalidatePath", then named is that name), or "".
func (r *Result) ServerOnlyImport(imp *facts.Import) (sink string, named *facts.ImportName) {
	if imp.TypeOnly {
		return "", nil
	}
	for _, mod := range rsc.ServerOnlyModules {
		if imp.Source == mod {
			return mod, nil
		}
	}
	if config := r.pass.Config; config != nil {
		for _, mod := range config.ServerOnlyModules {
			if MatchModule(imp.Source, mod) {
				return imp.Source, nil
			}
		}
	}
	for i := range imp.Names {
		n := &imp.Names[i]
		if !n.TypeOnly && rsc.IsServerOnlyAPI(imp.Source, n.Imported) {
			return n.Imported, n
		}
	}
	return "", nil
}

// ClientOnlyImport returns the client-only module an import names
// (client-only, react-dom/client, next/router, or one of
// clientOnlyModules), or "".
func (r *Result) ClientOnlyImport(imp *facts.Import) string {
	if imp.TypeOnly {
		return ""
	}
	for _, mod := range rsc.ClientOnlyModules {
		if imp.Source == mod {
			return mod
		}
	}
	for _, mod := range r.pass.Config.ClientOnlyModulesOrNil() {
		if MatchModule(imp.Source, mod) {
			return imp.Source
		}
	}
	return ""
}

// ServerOnly says why a module cannot run on the client: the server-only
// import it makes, or, for an installed package's module, one made by
// the package's own modules it imports. It returns "" for modules fine on
// the client.
func (r *Result) ServerOnly(m *graph.Module) string {
	if why, ok := r.serverOnly[m]; ok {
		return why
	}
	why := r.serverOnlyIn(m, map[*graph.Module]bool{})
	r.serverOnly[m] = why
	return why
}

func (r *Result) serverOnlyIn(m *graph.Module, seen map[*graph.Module]bool) string {
	if m.Facts == nil || seen[m] || m.ServerRef {
		return ""
	}
	seen[m] = true
	for i := range m.Facts.Imports {
		if sink, _ := r.ServerOnlyImport(&m.Facts.Imports[i]); sink != "" {
			return sink
		}
	}
	if !m.External {
		return ""
	}
	g := r.pass.Graph
	for i := range m.Facts.Imports {
		t := g.Target(m, i, graph.Client)
		if t != nil && t.External && t.Package == m.Package && !t.Boundary {
			if why := r.serverOnlyIn(t, seen); why != "" {
				return why
			}
		}
	}
	return ""
}
