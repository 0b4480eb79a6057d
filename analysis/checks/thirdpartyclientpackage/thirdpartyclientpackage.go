// Package thirdpartyclientpackage reports installed packages without
// 'use client' that Server Components import but that need the client.
package thirdpartyclientpackage

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/textedit"
)

var Analyzer = &analysis.Analyzer{
	Name: "thirdPartyClientPackage",
	Doc: `installed package that needs the client, imported from a Server Component

Many packages were written before Server Components and do not start with
'use client', yet call createContext when they load, define class
components, or use hooks in their components. Imported from a Server
Component, they fail on the server ("createContext only works in Client
Components"). The same holds when a package loads another such package
that does. The finding names the package (and the one it loads) and where
the API is used; import it from a Client Component, or re-export it from
a file of your own that starts with 'use client', which the quick fix
writes. Modules a "sideEffects": false package leaves out do not count.`,
	URL:      "https://nextjs.org/docs/app/building-your-application/rendering/composition-patterns#using-third-party-packages-and-providers",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Server},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

// clientUse is where a package needs the client.
type clientUse struct {
	module *graph.Module
	api    string
	span   facts.Span
	// into is the import by which the package imported from the Server
	// Component leads into module's package, when that is another one.
	into *graph.Edge
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	g := pass.Graph
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for i := range m.Facts.Imports {
		imp := &m.Facts.Imports[i]
		if m.Load(i) != graph.Loaded {
			continue // TypeScript erases it: nothing is loaded
		}
		t := g.Target(m, i, graph.Server)
		if t == nil || !t.External || t.Boundary || !t.In(graph.Server) {
			continue
		}
		use := findClientUse(g, t)
		if use == nil {
			continue
		}
		msg := fmt.Sprintf(`The package %q uses %s, which only works in Client Components, but it is not marked with "use client" and is imported from a Server Component module here. Import it from a Client Component module instead, or re-export it from a file of your own that starts with "use client".`, t.Package, use.api)
		var related []analysis.RelatedInformation
		if e := use.into; e != nil {
			msg = fmt.Sprintf(`The package %q loads the package %q, which uses %s, which only works in Client Components; neither is marked with "use client", and %q is imported from a Server Component module here. Import it from a Client Component module instead, or re-export it from a file of your own that starts with "use client".`, t.Package, use.module.Package, use.api, t.Package)
			span := e.From.Facts.Imports[e.Import].SourceSpan
			related = append(related, analysis.RelatedInformation{
				Location: analysis.Location{Path: e.From.Path, Start: span.Start, End: span.End},
				Message:  fmt.Sprintf("%s imports %s here", pass.Rel(e.From.Path), e.To.Package),
			})
		}
		related = append(related, analysis.RelatedInformation{
			Location: analysis.Location{Path: use.module.Path, Start: use.span.Start, End: use.span.End},
			Message:  fmt.Sprintf("%s uses %s here", pass.Rel(use.module.Path), use.api),
		})
		d := analysis.Diagnostic{
			Start: imp.SourceSpan.Start, End: imp.SourceSpan.End,
			Message: chains.Message(msg, graph.Server),
			Related: append(related, chains.Related(graph.Server)...),
		}
		if fix, ok := wrapperFix(pass, i); ok {
			d.Fixes = []analysis.SuggestedFix{fix}
		}
		pass.Report(d)
	}
	return nil, nil
}

// wrapperFix makes the fix the Next.js documentation gives: a file of the
// app's own, next to the importing one, that starts with 'use client' and
// re-exports what the import takes from the package; the import then
// takes it from that file. It is offered only where the result is sure to
// work: a static import whose every value is rendered as a component
// (<Provider>) and never called, so that a reference to a Client
// Component is all the Server Component needs. A namespace import would
// need `export *`, which Next.js rejects in a 'use client' file.
func wrapperFix(pass *analysis.Pass, i int) (analysis.SuggestedFix, bool) {
	f := pass.Module.Facts
	imp := &f.Imports[i]
	if imp.Kind != facts.ImportStatic || len(imp.Names) == 0 {
		return analysis.SuggestedFix{}, false
	}
	var values, types []string
	for _, n := range imp.Names {
		switch {
		case n.Imported == "*":
			return analysis.SuggestedFix{}, false
		case n.TypeOnly:
			types = appendOnce(types, n.Imported)
		case !renderedOnly(f, i, n):
			return analysis.SuggestedFix{}, false
		default:
			values = appendOnce(values, n.Imported)
		}
	}
	if len(values) == 0 {
		return analysis.SuggestedFix{}, false
	}
	dir, _ := filepath.Split(pass.Module.Path)
	ts := graph.Elides(pass.Module.Path) // a TypeScript file
	if len(types) > 0 && !ts {
		return analysis.SuggestedFix{}, false
	}
	name := slug(imp.Source) + "-client"
	file := dir + name + ".js"
	if ts {
		file = dir + name + ".tsx"
	}
	if _, err := pass.ReadFile(file); err == nil || pass.Graph.Module(file) != nil {
		return analysis.SuggestedFix{}, false // taken: the user chooses a name
	}
	from := " from " + textedit.Quote(f, imp.Source)
	text := textedit.Statement(f, textedit.Quote(f, "use client")) + "\n\n" +
		textedit.Statement(f, "export { "+strings.Join(values, ", ")+" }"+from) + "\n"
	if len(types) > 0 {
		text += textedit.Statement(f, "export type { "+strings.Join(types, ", ")+" }"+from) + "\n"
	}
	return analysis.SuggestedFix{
		ID:      "reExportFromClientFile",
		Message: fmt.Sprintf("Re-export from a new file that starts with \"use client\" (%s)", name+path.Ext(file)),
		Edits: []analysis.TextEdit{
			{Path: file, NewText: text, NewFile: true},
			{Start: imp.SourceSpan.Start, End: imp.SourceSpan.End, NewText: textedit.Quote(f, "./"+name)},
		},
		// The imports become references to Client Components, which the
		// file only renders as far as its facts tell (a read such as
		// Provider.displayName is not among them); and the new file's name
		// and place are the user's to choose.
		NeedsReview: true,
	}, true
}

// renderedOnly reports whether the binding n of import i is rendered as a
// component tag of its own (not Tag.Member) and never called.
func renderedOnly(f *facts.File, i int, n facts.ImportName) bool {
	is := func(r facts.Ref) bool { return r.Kind == facts.RefImport && r.Import == i && r.Name == n.Local }
	for _, c := range f.Calls {
		if is(c.Ref) {
			return false
		}
	}
	for _, el := range f.JSX {
		if el.Tag == n.Local && is(el.Ref) {
			return true
		}
	}
	return false
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// slug makes a file name of a package path: "@radix-ui/react-tooltip"
// gives "radix-ui-react-tooltip".
func slug(source string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(source) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "package"
	}
	return b.String()
}

// findClientUse searches the installed modules reachable from entry in
// the server graph, in its package and in the packages it imports that
// are not marked 'use client' either, for a client-only API that runs on
// the server: at load time, or while rendering an export the server uses.
// Modules the bundlers leave out (of a "sideEffects": false package, with
// no export used) do not run. A use in another package comes with the
// import that leads into that package.
func findClientUse(g *graph.Recorder, entry *graph.Module) *clientUse {
	type visit struct {
		m    *graph.Module
		into *graph.Edge // the import that entered m's package from another
	}
	seen := map[*graph.Module]bool{}
	queue := []visit{{m: entry}}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		m := v.m
		if seen[m] || m.Facts == nil || !g.Evaluated(m) {
			continue
		}
		seen[m] = true
		if use := clientUseIn(g, m); use != nil {
			use.into = v.into
			return use
		}
		f := m.Facts
		for i := range f.Imports {
			t := g.Target(m, i, graph.Server)
			if t == nil || m.Load(i) != graph.Loaded || !t.External || t.Boundary || !t.In(graph.Server) {
				continue
			}
			next := visit{m: t, into: v.into}
			if t.Package != m.Package {
				next.into = &graph.Edge{From: m, Import: i, To: t}
			}
			queue = append(queue, next)
		}
	}
	return nil
}

// clientUseIn returns a client-only API that module m uses on the server.
func clientUseIn(g *graph.Recorder, m *graph.Module) *clientUse {
	f := m.Facts
	// A statement that only defines bindings (const C =
	// /*#__PURE__*/ createContext(), class X extends Component {}) and
	// that nothing the server uses names is dropped by the minifier.
	loads := func(stmt int) bool {
		pure := stmt >= 0 && stmt < len(f.Stmts) && f.Stmts[stmt].Pure
		return !pure || g.Live(m, stmt)
	}
	for _, u := range f.APIs {
		if !rsc.IsClientOnlyAPI(f.Imports[u.Import].Source, u.Name) {
			continue
		}
		if (u.Context == facts.AtModuleScope && loads(u.Stmt)) || (u.Context == facts.AtRender && g.Live(m, u.Stmt)) {
			if u.Name == "Component" || u.Name == "PureComponent" {
				return &clientUse{module: m, api: "a class component", span: u.Span}
			}
			return &clientUse{module: m, api: "`" + u.Name + "`", span: u.Span}
		}
	}
	for _, c := range f.Classes {
		if c.Ref.Kind == facts.RefImport && f.Imports[c.Ref.Import].Source == "react" &&
			(c.Ref.Imported == "Component" || c.Ref.Imported == "PureComponent") && c.Context == facts.AtModuleScope && loads(c.Stmt) {
			return &clientUse{module: m, api: "a class component", span: c.Span}
		}
	}
	return nil
}
