// Package invalidpageconfig reports pages and layouts that export
// generateStaticParams where Next.js cannot use it: in a 'use client'
// module, or with the Edge runtime.
package invalidpageconfig

import (
	"fmt"
	"path"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
)

var Analyzer = &analysis.Analyzer{
	Name: "invalidPageConfig",
	Doc: `generateStaticParams in a 'use client' page or layout, or with the Edge runtime

Next.js calls generateStaticParams on the server, at build time, to list a
dynamic segment's params. A page or layout that starts with 'use client'
cannot export it, nor can one that sets export const runtime = 'edge':
the build stops ("Page ... cannot use both ..."). Move the 'use client'
code into a component of its own that the page renders, or drop the Edge
runtime for that segment.`,
	URL:      "https://nextjs.org/docs/app/api-reference/functions/generate-static-params",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants: func(f *analysis.File, _ *analysis.Config) bool {
		return f.InApp(project.RolePage, project.RoleLayout)
	},
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	f := pass.File
	if !f.InApp(project.RolePage, project.RoleLayout) {
		return nil, nil
	}
	// Next.js looks for the declaration (export function, export const),
	// not for export { generateStaticParams }.
	var params *facts.Export
	for i := range f.Facts.Exports {
		x := &f.Facts.Exports[i]
		if x.Name == "generateStaticParams" && x.Source == "" && !x.TypeOnly &&
			(x.Kind == facts.ExportFunction || x.Kind == facts.ExportVariable) && x.Local == x.Name {
			params = x
		}
	}
	if params == nil {
		return nil, nil
	}
	name := entryName(f)
	if f.Facts.Has(rsc.UseClient) {
		pass.Report(analysis.Diagnostic{Start: params.NameSpan.Start, End: params.NameSpan.End,
			Message: fmt.Sprintf(`%s cannot use both "use client" and export function "generateStaticParams()".`, name)})
	}
	if edgeRuntime(pass.Syntax.Tree) {
		pass.Report(analysis.Diagnostic{Start: params.NameSpan.Start, End: params.NameSpan.End,
			Message: fmt.Sprintf("%s cannot use both `export const runtime = 'edge'` and export `generateStaticParams`.", name)})
	}
	return nil, nil
}

// edgeRuntime reports whether the module declares export const runtime =
// 'edge', which is how Next.js reads the option.
func edgeRuntime(t *syntax.Tree) bool {
	edge := false
	t.Children(0, func(s int) {
		d := -1
		if t.Kind(s) == syntax.KindExportStatement {
			d = t.ChildByField(s, syntax.FieldDeclaration)
		}
		if d < 0 || t.Kind(d) != syntax.KindLexicalDeclaration || !t.HasToken(d, syntax.TokConst) {
			return
		}
		t.Children(d, func(v int) {
			if t.Kind(v) != syntax.KindVariableDeclarator {
				return
			}
			if n := t.ChildByField(v, syntax.FieldName); n < 0 || t.Text(n) != "runtime" {
				return
			}
			if s, ok := t.StringValue(t.Unparen(t.ChildByField(v, syntax.FieldValue))); ok && s == "edge" {
				edge = true
			}
		})
	})
	return edge
}

// entryName names the file as Next.js's message does: Page "/blog/[slug]/page",
// with route groups and slots kept; a layout by its own path.
func entryName(f *analysis.File) string {
	rel := strings.TrimPrefix(f.Rel, "src/")
	rel = strings.TrimPrefix(rel, "app/")
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	kind := "Page"
	if f.Role == project.RoleLayout {
		kind = "Layout"
	}
	return fmt.Sprintf("%s %q", kind, "/"+rel)
}
