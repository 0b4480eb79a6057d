package graph

import (
	"path/filepath"
	"strings"

	"github.com/rscls/rscls/analysis/facts"
)

// Load says whether the bundlers load the module an import names. In a
// TypeScript file, TypeScript's import elision (which SWC performs for
// both bundlers of Next.js) removes imports that name only types before
// any module is resolved: no module joins the graph through them.
type Load uint8

const (
	// Loaded: every bundler loads the module.
	Loaded Load = iota
	// Erased: the import is elided; nothing is loaded. It is `import type`,
	// `export type … from`, an import whose every specifier is an inline
	// `type`, or one none of whose bindings is read as a value.
	Erased
	// TurbopackOnly: webpack elides the import, Turbopack loads the module.
	// Turbopack honours verbatimModuleSyntax: an import it would otherwise
	// erase stays, as `import {} from 'x'` when every specifier is an
	// inline `type`. webpack ignores the option.
	TurbopackOnly
)

func (l Load) String() string {
	switch l {
	case Erased:
		return "erased"
	case TurbopackOnly:
		return "Turbopack only"
	}
	return "loaded"
}

// Load returns whether the bundlers load the module import i names.
func (m *Module) Load(i int) Load {
	if i < 0 || i >= len(m.loads) {
		return Loaded
	}
	return m.loads[i]
}

// Elides reports whether TypeScript's import elision applies to the
// file: TypeScript files do, JavaScript files keep every import.
func Elides(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ts", ".tsx", ".mts", ".cts":
		return true
	}
	return false
}

// loads decides, per import of a file, what the bundlers load. verbatim
// is the file's tsconfig verbatimModuleSyntax, under which Turbopack keeps
// imports as written; a statement marked `import type` is always erased.
func loads(path string, f *facts.File, verbatim bool) []Load {
	if !Elides(path) || len(f.Imports) == 0 {
		return nil
	}
	var out []Load
	for i := range f.Imports {
		l := load(&f.Imports[i], verbatim)
		if l != Loaded && out == nil {
			out = make([]Load, len(f.Imports))
		}
		if out != nil {
			out[i] = l
		}
	}
	return out
}

func load(imp *facts.Import, verbatim bool) Load {
	switch imp.Kind {
	case facts.ImportStatic, facts.ImportReExport, facts.ImportExportAll:
	default:
		return Loaded // import(), require(), import x = require(): code, not declarations
	}
	if imp.TypeOnly {
		return Erased
	}
	if len(imp.Names) == 0 || imp.Kind == facts.ImportExportAll {
		return Loaded // import './x', export * from './x'
	}
	used := false
	for _, n := range imp.Names {
		if !n.TypeOnly {
			// A re-export's names are exports of this module, values for
			// all a single-file compiler knows.
			if n.ValueUse || imp.Kind == facts.ImportReExport {
				used = true
			}
		}
	}
	switch {
	case used:
		return Loaded
	case verbatim:
		// webpack elides it all the same (oracle: verbatim-inline-type,
		// verbatim-unused-value-import).
		return TurbopackOnly
	}
	return Erased
}

// NameLoaded reports whether every bundler keeps name n of import i of
// m: the import is loaded and, in a file TypeScript compiles, the name is
// a value the module reads. TypeScript drops the other specifiers of an
// import it keeps (Turbopack keeps them under verbatimModuleSyntax).
func (m *Module) NameLoaded(i int, n *facts.ImportName) bool {
	if m.Load(i) != Loaded || n.TypeOnly {
		return false
	}
	return !Elides(m.Path) || n.ValueUse || m.Facts.Imports[i].Kind != facts.ImportStatic
}

// valueNames lists the names import i of m reads at run time.
func (m *Module) valueNames(i int) []string {
	imp := &m.Facts.Imports[i]
	var out []string
	for k := range imp.Names {
		if m.NameLoaded(i, &imp.Names[k]) {
			out = append(out, imp.Names[k].Imported)
		}
	}
	return out
}
