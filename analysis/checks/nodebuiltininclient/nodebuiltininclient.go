// Package nodebuiltininclient reports imports of Node.js modules that the
// browser build cannot resolve, from modules of the client graph.
package nodebuiltininclient

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/nextconfig"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/resolve"
)

var Analyzer = &analysis.Analyzer{
	Name: "nodeBuiltinInClient",
	Doc: `Node.js module imported into the client graph

Client Components, and every module they import, are bundled for the
browser too. Next.js stands in for some of Node.js's modules there (path,
crypto, buffer, stream, util, ...), but not for fs, child_process, net,
tls, worker_threads and the like: the build stops with "Module not found:
Can't resolve 'fs'". The finding is where Next.js reports it, at the
import in the module of the client graph, with the chain from the client
boundary. Keep such code in Server Components, Route Handlers or Server
Functions. Nothing is reported when next.config has a webpack function or
Turbopack's resolveAlias, which may stand in for the module, nor for
installed packages, whose package.json may, nor for require() and
import(), which the browser build drops under typeof window checks.`,
	URL:      "https://nextjs.org/docs/messages/module-not-found",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Client},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

// unavailable are the Node.js modules (and their subpaths) that neither
// webpack nor Turbopack replaces in Next.js's browser build. The others
// have stand-ins there (Next.js's resolve.fallback for the client:
// assert, buffer, constants, crypto, domain, events, http, https, os,
// path, process, punycode, querystring, stream, string_decoder, sys,
// timers, tty, url, util, vm, zlib); console is left out, unverified.
var unavailable = map[string]bool{
	"async_hooks": true, "child_process": true, "cluster": true, "dgram": true,
	"diagnostics_channel": true, "dns": true, "dns/promises": true, "fs": true,
	"fs/promises": true, "http2": true, "inspector": true, "inspector/promises": true,
	"module": true, "net": true, "perf_hooks": true, "readline": true,
	"readline/promises": true, "repl": true, "tls": true, "trace_events": true,
	"v8": true, "wasi": true, "worker_threads": true,
	"sea": true, "sqlite": true, "test": true, "test/reporters": true,
}

// Message is the message of the browser build for a module it cannot
// resolve, with what it means here.
func Message(specifier string) string {
	return fmt.Sprintf("Module not found: Can't resolve '%s'. It is a Node.js module, which the browser does not have, and this module is in the client graph, bundled for the browser. Import it only from Server Components, Route Handlers or Server Functions.", specifier)
}

func run(pass *analysis.Pass) (any, error) {
	if c := pass.Config; c != nil && c.Next != nil {
		if r := c.Next.Resolution; r == nextconfig.On || r == nextconfig.Unknown {
			return nil, nil
		}
	}
	m := pass.Module
	if m.External {
		return nil, nil
	}
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for i := range m.Facts.Imports {
		imp := &m.Facts.Imports[i]
		name := strings.TrimPrefix(imp.Source, "node:")
		if !unavailable[name] || m.Load(i) != graph.Loaded || !isStatic(imp.Kind) {
			continue
		}
		// An installed package of the same name (a stand-in) wins in the
		// browser; only a module left to Node.js is missing.
		if pass.Graph.Resolution(m, i, graph.Client).Kind != resolve.Builtin {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Start: imp.SourceSpan.Start, End: imp.SourceSpan.End,
			Message: chains.Message(Message(imp.Source), graph.Client),
			Related: chains.Related(graph.Client),
		})
	}
	return nil, nil
}

// isStatic: import and export ... from, which always load. A require() or
// import() may sit in code the bundler drops from the browser build (under
// typeof window === 'undefined', which Next.js defines there), and then
// nothing is resolved: those are left alone.
func isStatic(k facts.ImportKind) bool {
	return k == facts.ImportStatic || k == facts.ImportReExport || k == facts.ImportExportAll
}
