// Package mixedbarrel reports imports through a barrel file that also
// re-exports modules that break the importer's environment.
package mixedbarrel

import (
	"fmt"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/environment"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "mixedBarrel",
	Doc: `import through a barrel that mixes client and server-only modules

A barrel (an index file of re-exports) loads every module it re-exports,
whatever names the importer asks for. When a Client Component imports a
harmless name from a barrel that also re-exports server-only code (or a
Server Component one that also re-exports a module using client hooks),
the whole barrel comes along and breaks the build. The finding names the
module that does not belong, and the fix imports each name from the
module that declares it.`,
	URL:          "https://nextjs.org/docs/app/building-your-application/optimizing/package-bundling#optimizing-package-imports",
	Scope:        analysis.GraphScope,
	Severity:     analysis.SeverityError,
	Envs:         graph.Envs[:],
	Requires:     []*analysis.Analyzer{environment.Analyzer},
	FileFact:     fileFact,
	FileFactType: reflect.TypeFor[*Barrel](),
	Run:          run,
}

func run(pass *analysis.Pass) (any, error) {
	for i := range pass.Module.Facts.Imports {
		check(pass, pass.Env, i)
	}
	return nil, nil
}

// Barrel marks a module that only re-exports other modules (an index
// file of re-exports): no code, no uses, two or more sources. The check
// keeps it as the file fact of such modules, so that it is decided once
// per file rather than at every import of it.
type Barrel struct{}

func fileFact(pass *analysis.Pass) any {
	f := pass.File.Facts
	if len(f.Exports) == 0 || len(f.JSX) > 0 || len(f.Globals) > 0 || len(f.APIs) > 0 {
		return nil
	}
	sources := map[string]bool{}
	for _, x := range f.Exports {
		if x.Kind != facts.ExportReExport && x.Kind != facts.ExportAll {
			return nil
		}
		sources[x.Source] = true
	}
	for _, st := range f.Stmts {
		if !st.Decl {
			return nil
		}
	}
	if len(sources) < 2 {
		return nil
	}
	return &Barrel{}
}

// isBarrel reports whether a module is a barrel that is neither a client
// boundary nor a module of Server Functions.
func isBarrel(pass *analysis.Pass, b *graph.Module) bool {
	return !b.Boundary && !b.ServerRef && pass.FileFact(b) != nil
}

// problem says why module o breaks env ("" when it does not).
func problem(pass *analysis.Pass, o *graph.Module, env graph.Env) string {
	if env == graph.Client {
		if why := pass.ResultOf[environment.Analyzer].(*environment.Result).ServerOnly(o); why != "" {
			return fmt.Sprintf("a module that depends on %q", why)
		}
		return ""
	}
	if o.Boundary || o.Facts == nil {
		return ""
	}
	for i, imp := range o.Facts.Imports {
		for k := range imp.Names {
			n := &imp.Names[k]
			if imp.Kind == facts.ImportStatic && o.NameLoaded(i, n) && rsc.IsClientOnlyAPI(imp.Source, n.Imported) {
				return fmt.Sprintf("a module that uses %s without \"use client\"", n.Imported)
			}
		}
	}
	return ""
}

// leaves lists the non-barrel modules a barrel re-exports, through nested barrels.
func leaves(pass *analysis.Pass, b *graph.Module, env graph.Env, seen map[*graph.Module]bool, out []*graph.Module) []*graph.Module {
	g := pass.Graph
	if seen[b] {
		return out
	}
	seen[b] = true
	for i, imp := range b.Facts.Imports {
		if b.Load(i) != graph.Loaded || (imp.Kind != facts.ImportReExport && imp.Kind != facts.ImportExportAll && imp.Kind != facts.ImportStatic) {
			continue
		}
		t := g.Target(b, i, env)
		if t == nil || t.Facts == nil || seen[t] {
			continue
		}
		if isBarrel(pass, t) {
			out = leaves(pass, t, env, seen, out)
		} else {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

func check(pass *analysis.Pass, env graph.Env, i int) {
	g := pass.Graph
	m := pass.Module
	imp := &m.Facts.Imports[i]
	if m.Load(i) != graph.Loaded || imp.Kind != facts.ImportStatic || len(imp.Names) == 0 {
		return
	}
	b := g.Target(m, i, env)
	if b == nil || b.Facts == nil || !isBarrel(pass, b) {
		return
	}
	type pick struct {
		name   facts.ImportName
		origin *graph.Module
		export string
	}
	var picks []pick
	for k := range imp.Names {
		n := imp.Names[k]
		if !m.NameLoaded(i, &n) {
			continue // a type, or a name TypeScript drops
		}
		if n.Imported == "*" {
			return // a namespace import uses the whole barrel
		}
		o, x, boundary, serverRef := g.Origin(b, n.Imported, env)
		if x == nil || o == nil {
			return
		}
		if boundary != nil && env == graph.Server {
			o = boundary // a client reference: importing it directly is fine
		}
		if serverRef != nil {
			o = serverRef
		}
		if problem(pass, o, env) != "" {
			return // the name itself is the problem: other checks report it
		}
		picks = append(picks, pick{n, o, x.Name})
	}
	if len(picks) == 0 {
		return
	}
	used := map[*graph.Module]bool{}
	for _, p := range picks {
		used[p.origin] = true
	}
	var culprit *graph.Module
	var why string
	for _, leaf := range leaves(pass, b, env, map[*graph.Module]bool{}, nil) {
		if used[leaf] {
			continue
		}
		if env == graph.Server && !g.Evaluated(leaf) {
			continue // left out by the bundlers: its package is free of side effects
		}
		if w := problem(pass, leaf, env); w != "" {
			culprit, why = leaf, w
			break
		}
	}
	if culprit == nil {
		return
	}
	graphName := "client"
	if env == graph.Server {
		graphName = "server"
	}
	msg := fmt.Sprintf("This import goes through the barrel %s, which also re-exports %s, %s; importing the barrel brings it into the %s graph. Import the names from their own modules instead.",
		pass.Rel(b.Path), pass.Rel(culprit.Path), why, graphName)
	d := analysis.Diagnostic{
		Start: imp.SourceSpan.Start, End: imp.SourceSpan.End,
		Message: msg,
		Related: []analysis.RelatedInformation{{Location: analysis.Location{Path: culprit.Path}, Message: pass.Rel(culprit.Path) + " is re-exported by " + pass.Rel(b.Path)}},
	}
	// Rewrite the import, one statement per declaring module, when each
	// new specifier resolves to that module.
	specs := map[*graph.Module]string{}
	if g.Resolution(m, i, env).Package != "" {
		specs = nil // a package's exports decide which subpaths exist
	}
	for _, p := range picks {
		if _, ok := specs[p.origin]; ok || specs == nil {
			continue
		}
		spec := specifierFor(m, imp.Source, b, p.origin)
		if spec == "" || g.ResolveSpecifier(m, spec, env) != p.origin.Path {
			specs = nil
			break
		}
		specs[p.origin] = spec
	}
	if specs != nil {
		var stmts []string
		byOrigin := map[string][]pick{}
		var order []string
		for _, p := range picks {
			spec := specs[p.origin]
			if _, ok := byOrigin[spec]; !ok {
				order = append(order, spec)
			}
			byOrigin[spec] = append(byOrigin[spec], p)
		}
		sort.Strings(order)
		for _, spec := range order {
			var def string
			var named []string
			for _, p := range byOrigin[spec] {
				switch {
				case p.export == "default":
					def = p.name.Local
				case p.export == p.name.Local:
					named = append(named, p.export)
				default:
					named = append(named, p.export+" as "+p.name.Local)
				}
			}
			clause := def
			if len(named) > 0 {
				if clause != "" {
					clause += ", "
				}
				clause += "{ " + strings.Join(named, ", ") + " }"
			}
			stmts = append(stmts, textedit.Statement(m.Facts, "import "+clause+" from "+textedit.Quote(m.Facts, spec)))
		}
		d.Fixes = []analysis.SuggestedFix{{
			ID:      "importFromDeclaringModules",
			Message: "Import from the declaring modules instead of the barrel",
			Edits:   []analysis.TextEdit{{Start: imp.Span.Start, End: imp.Span.End, NewText: strings.Join(stmts, "\n")}},
		}}
	}
	pass.Report(d)
}

// specifierFor builds a specifier for target in the style of the original
// one: through the barrel's directory for aliases, relative otherwise.
func specifierFor(from *graph.Module, original string, barrel, target *graph.Module) string {
	noExt := strings.TrimSuffix(target.Path, filepath.Ext(target.Path))
	if strings.HasPrefix(original, ".") {
		rel, err := filepath.Rel(filepath.Dir(from.Path), noExt)
		if err != nil {
			return ""
		}
		rel = strings.TrimSuffix(filepath.ToSlash(rel), "/index")
		if !strings.HasPrefix(rel, ".") {
			rel = "./" + rel
		}
		return rel
	}
	barrelDir := filepath.Dir(barrel.Path)
	rel, err := filepath.Rel(barrelDir, noExt)
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	base := original
	if !strings.HasPrefix(filepath.Base(barrel.Path), "index.") {
		base = path.Dir(original)
	}
	return strings.TrimSuffix(strings.TrimSuffix(base, "/")+"/"+filepath.ToSlash(rel), "/index")
}
