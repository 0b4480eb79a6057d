// Package segmentconfig checks the route segment config that pages,
// layouts and route handlers export (dynamic, revalidate, runtime, ...):
// Next.js reads it without running the module, so each value must be a
// literal, and one it accepts.
package segmentconfig

import (
	"fmt"
	"path"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/syntax"
)

var Analyzer = &analysis.Analyzer{
	Name: "segmentConfig",
	Doc: `route segment config that Next.js cannot read or does not accept

A page, layout or route handler configures its segment by exporting
dynamic, dynamicParams, revalidate, fetchCache, runtime, preferredRegion
or maxDuration. Next.js reads these exports from the source without
running it: an expression, a name or an import it cannot read, or a
value outside the option's range (revalidate = -1, dynamic = 'always'),
fails the build.`,
	URL:      "https://nextjs.org/docs/app/api-reference/file-conventions/route-segment-config",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants:    func(f *analysis.File, _ *analysis.Config) bool { return IsSegmentFile(f) },
	Run:      run,
}

// Export is one export of a route segment config option.
type Export struct {
	Name     string
	NameNode int // the exported name
	Value    int // the initialiser, -1 for functions and export lists
	Const    bool
}

// Exports lists the top-level exports of a module that may be segment
// config: export const/let/var X = ..., export function X, export { X }.
func Exports(t *syntax.Tree) []Export {
	var out []Export
	t.Children(0, func(s int) {
		if t.Kind(s) != syntax.KindExportStatement {
			return
		}
		if d := t.ChildByField(s, syntax.FieldDeclaration); d >= 0 {
			switch t.Kind(d) {
			case syntax.KindLexicalDeclaration, syntax.KindVariableDeclaration:
				isConst := t.HasToken(d, syntax.TokConst)
				t.Children(d, func(v int) {
					if t.Kind(v) != syntax.KindVariableDeclarator {
						return
					}
					n := t.ChildByField(v, syntax.FieldName)
					if t.Kind(n) != syntax.KindIdentifier {
						return
					}
					out = append(out, Export{Name: t.Text(n), NameNode: n, Value: t.ChildByField(v, syntax.FieldValue), Const: isConst})
				})
			case syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration:
				if n := t.ChildByField(d, syntax.FieldName); n >= 0 {
					out = append(out, Export{Name: t.Text(n), NameNode: n, Value: -1})
				}
			}
			return
		}
		if t.ChildByField(s, syntax.FieldSource) >= 0 || t.HasToken(s, syntax.TokType) {
			return
		}
		if clause := t.ChildOfKind(s, syntax.KindExportClause); clause >= 0 {
			t.Children(clause, func(sp int) {
				if t.Kind(sp) != syntax.KindExportSpecifier || t.HasToken(sp, syntax.TokType) {
					return
				}
				name := t.ChildByField(sp, syntax.FieldName)
				exported := name
				if a := t.ChildByField(sp, syntax.FieldAlias); a >= 0 {
					exported = a
				}
				out = append(out, Export{Name: t.Text(exported), NameNode: exported, Value: -1})
			})
		}
	})
	return out
}

// IsSegmentFile reports whether Next.js reads route segment config from a
// file of this role.
func IsSegmentFile(f *analysis.File) bool {
	return f.InApp(project.RolePage, project.RoleLayout, project.RoleRoute)
}

// Route returns the route of a file of the app directory as Next.js names
// it in messages: its directory below app/, without route groups and
// parallel route slots.
func Route(rel string) string {
	rel = path.Dir(rel)
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		if p == "app" && (i == 0 || (i == 1 && parts[0] == "src")) {
			parts = parts[i+1:]
			break
		}
	}
	var out []string
	for _, p := range parts {
		if p == "" || p == "." || (strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")")) || strings.HasPrefix(p, "@") {
			continue
		}
		out = append(out, p)
	}
	return "/" + strings.Join(out, "/")
}

// option is what Next.js accepts for one option.
type option struct {
	enum  []string
	check func(v value) string // "" when valid: a zod-like reason otherwise
}

var options = map[string]option{
	"dynamic":       {enum: []string{"auto", "error", "force-static", "force-dynamic"}},
	"fetchCache":    {enum: []string{"auto", "default-cache", "only-cache", "force-cache", "force-no-store", "default-no-store", "only-no-store"}},
	"runtime":       {enum: []string{"edge", "nodejs"}},
	"dynamicParams": {check: boolean},
	"revalidate":    {check: revalidate},
	"maxDuration":   {check: nonNegativeInt},
	"preferredRegion": {check: func(v value) string {
		switch v.kind {
		case vString:
			return ""
		case vArray:
			for _, e := range v.elems {
				if e.kind != vString {
					return fmt.Sprintf("Expected string, received %s", e.typeName())
				}
			}
			return ""
		}
		return "Invalid input: expected a string or an array of strings, received " + v.typeName()
	}},
}

func boolean(v value) string {
	if v.kind == vBool {
		return ""
	}
	return "Expected boolean, received " + v.typeName()
}

func nonNegativeInt(v value) string {
	switch {
	case v.kind != vNumber:
		return "Expected number, received " + v.typeName()
	case !v.int:
		return "Expected integer, received float"
	case v.num < 0:
		return "Number must be greater than or equal to 0"
	}
	return ""
}

func revalidate(v value) string {
	if v.kind == vBool && !v.b {
		return ""
	}
	if v.kind == vNumber && v.int && v.num >= 0 {
		return ""
	}
	return "revalidate"
}

func run(pass *analysis.Pass) (any, error) {
	if !IsSegmentFile(pass.File) {
		return nil, nil
	}
	t := pass.Syntax.Tree
	route := Route(pass.File.Rel)
	for _, x := range Exports(t) {
		opt, ok := options[x.Name]
		if !ok || !x.Const || x.Value < 0 {
			continue // Next.js reads export const only; the rest it takes when the module runs
		}
		start, end := int(t.Nodes[x.Value].Start), int(t.Nodes[x.Value].End)
		v, unsupported := literal(t, x.Value, x.Name)
		if unsupported != "" {
			pass.Report(analysis.Diagnostic{
				Start: start, End: end,
				Message: fmt.Sprintf("Next.js can't recognize the exported `%s` field in route %q: %s. Route segment config is read without running the module, so its value must be a literal.", x.Name, route, unsupported),
				URL:     "https://nextjs.org/docs/messages/invalid-page-config",
			})
			continue
		}
		if v.kind == vUndefined {
			continue
		}
		var why string
		switch {
		case opt.enum != nil:
			if v.kind != vString {
				why = fmt.Sprintf("Expected %s, received %s", quoteAll(opt.enum), v.typeName())
			} else if !contains(opt.enum, v.s) {
				why = fmt.Sprintf("Invalid enum value. Expected %s, received '%s'", quoteAll(opt.enum), v.s)
			}
		default:
			why = opt.check(v)
		}
		switch why {
		case "":
		case "revalidate":
			pass.Report(analysis.Diagnostic{Start: start, End: end,
				Message: fmt.Sprintf("Invalid revalidate value %s on %q, must be a non-negative number or false", v.json(), route)})
		default:
			pass.Report(analysis.Diagnostic{Start: start, End: end,
				Message: fmt.Sprintf("Invalid segment configuration options detected for %q: %s at %q.", route, why, x.Name)})
		}
	}
	return nil, nil
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = "'" + s + "'"
	}
	return strings.Join(q, " | ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
