package checkutil

import (
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/rsc"
)

// MatchModule reports whether specifier names module or one of its subpaths.
func MatchModule(specifier, module string) bool {
	return specifier == module || strings.HasPrefix(specifier, module+"/")
}

// ServerOnlySink returns what makes import imp server-only ("next/headers",
// "server-only", or a named API such as "revalidatePath"), or "".
func ServerOnlySink(imp *facts.Import, config *analysis.Config) (sink string, named *facts.ImportName) {
	if imp.TypeOnly {
		return "", nil
	}
	for _, mod := range rsc.ServerOnlyModules {
		if imp.Source == mod {
			return mod, nil
		}
	}
	if config != nil {
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

// ServerOnlyReason says why a module cannot run on the client: the
// server-only import it makes, or, for an installed package, one made by
// the package's own modules it imports. It returns "" for modules fine on
// the client.
func ServerOnlyReason(g *graph.View, m *graph.Module, config *analysis.Config) string {
	return serverOnlyReason(g, m, config, map[*graph.Module]bool{})
}

func serverOnlyReason(g *graph.View, m *graph.Module, config *analysis.Config, seen map[*graph.Module]bool) string {
	if m.Facts == nil || seen[m] || m.ServerRef {
		return ""
	}
	seen[m] = true
	for i := range m.Facts.Imports {
		if sink, _ := ServerOnlySink(&m.Facts.Imports[i], config); sink != "" {
			return sink
		}
	}
	if !m.External {
		return ""
	}
	for i := range m.Facts.Imports {
		t := g.Target(m, i, graph.Client)
		if t != nil && t.External && t.Package == m.Package && !t.Boundary {
			if r := serverOnlyReason(g, t, config, seen); r != "" {
				return r
			}
		}
	}
	return ""
}
