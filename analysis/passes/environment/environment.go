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
// "revalidatePath", then named is that name), or "". It reads the import
// as written, the way Turbopack checks a module's imports: an import the
// module only uses in types still names next/headers (see graph.Load for
// what the bundlers load). `import type` and inline `type` specifiers of
// a named API name nothing. The compiler checks import declarations
// only: import() and require() name nothing either, except of the
// server-only package, which fails wherever it is bundled.
func (r *Result) ServerOnlyImport(imp *facts.Import) (sink string, named *facts.ImportName) {
	if imp.TypeOnly {
		return "", nil
	}
	if !declaration(imp) {
		if imp.Source == "server-only" {
			return imp.Source, nil
		}
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
// clientOnlyModules), or "". Like ServerOnlyImport, it reads import
// declarations as written; of import() and require(), only those of the
// client-only package count: `await import('react-dom/server')` in server
// code builds.
func (r *Result) ClientOnlyImport(imp *facts.Import) string {
	if imp.TypeOnly {
		return ""
	}
	if !declaration(imp) {
		if imp.Source == "client-only" {
			return imp.Source
		}
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

// LoadedServerOnlyImport is ServerOnlyImport of import i of m after
// TypeScript's import elision, as webpack checks it: "" when the import,
// or the specifier that names the API, is erased.
func (r *Result) LoadedServerOnlyImport(m *graph.Module, i int) string {
	sink, named := r.ServerOnlyImport(&m.Facts.Imports[i])
	if sink == "" || m.Load(i) != graph.Loaded || (named != nil && !m.NameLoaded(i, named)) {
		return ""
	}
	return sink
}

// declaration reports whether an import is an import or export
// declaration, as opposed to an import() or require() call.
func declaration(imp *facts.Import) bool {
	return imp.Kind != facts.ImportDynamic && imp.Kind != facts.ImportRequire
}

// ServerOnly says why a module cannot run on the client: the server-only
// import it makes, or, for an installed package's module, one made by
// the package's own modules it imports. Only imports that the bundlers
// load count. It returns "" for modules fine on the client.
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
		if sink := r.LoadedServerOnlyImport(m, i); sink != "" {
			return sink
		}
	}
	if !m.External {
		return ""
	}
	g := r.pass.Graph
	for i := range m.Facts.Imports {
		t := g.Target(m, i, graph.Client)
		if t != nil && m.Load(i) == graph.Loaded && t.External && t.Package == m.Package && !t.Boundary {
			if why := r.serverOnlyIn(t, seen); why != "" {
				return why
			}
		}
	}
	return ""
}
