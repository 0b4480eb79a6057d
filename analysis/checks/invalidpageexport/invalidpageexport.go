// Package invalidpageexport reports exports that a page, layout or route
// handler may not have: next build type-checks them when webpack builds a
// TypeScript app.
package invalidpageexport

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/nextconfig"
	"github.com/rscls/rscls/analysis/project"
)

var Analyzer = &analysis.Analyzer{
	Name: "invalidPageExport",
	Doc: `export that a page, layout or route handler may not have

A page or layout may export its component (default), route segment
config, metadata, viewport and generateStaticParams; a route handler its
HTTP methods and segment config. When webpack builds a TypeScript app (every
next build of Next.js 15, next build --webpack in 16), Next.js type-checks
each of these files and stops at any other export: "formatTitle" is not a
valid Page export field. Turbopack, the default in Next.js 16, builds it,
so with Next.js 16 the finding is a hint. Move helpers and shared
constants to a module of their own. Nothing is reported when the app has
no tsconfig.json, names another one, or sets typescript.ignoreBuildErrors,
nor for names starting with unstable_ or experimental_, which Next.js
gives the options it is trying out.`,
	URL:      "https://nextjs.org/docs/app/api-reference/file-conventions/page",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants: func(f *analysis.File, _ *analysis.Config) bool {
		return f.InApp(entries...)
	},
	Run: run,
}

// entries are the files Next.js type-checks the exports of.
var entries = []project.Role{project.RolePage, project.RoleLayout, project.RoleRoute}

// The fields of the type Next.js checks each entry's module against
// (next-types-plugin), by version: what both versions allow, then what only
// one does.
var (
	segmentConfig = []string{"config", "generateStaticParams", "revalidate", "dynamic", "dynamicParams", "fetchCache", "preferredRegion", "runtime", "maxDuration"}
	pageFields    = append([]string{"default", "metadata", "generateMetadata", "viewport", "generateViewport"}, segmentConfig...)
	routeFields   = append([]string{"GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"}, segmentConfig...)
	pageFields15  = []string{"experimental_ppr"}
	fields16      = []string{"instant", "prefetch", "ensureStatic", "unstable_dynamicStaleTime"}
	pageFields16  = append([]string{"unstable_paramMatching", "unstable_generateParamMatching"}, fields16...)
)

// elsewhere are names another check reports in Next.js's own words
// (pagesRouterExport).
var elsewhere = map[string]bool{"getServerSideProps": true, "getStaticProps": true}

// maybeOption: Next.js names the options it is trying out unstable_ or
// experimental_, and renames them between releases (unstable_instant, a
// canary's name for instant); one this list does not know yet may be one.
func maybeOption(name string) bool {
	return strings.HasPrefix(name, "unstable_") || strings.HasPrefix(name, "experimental_")
}

// allowed returns the export names an entry of the role may have with
// Next.js major (0: unknown, when what any version allows counts).
func allowed(role project.Role, major int) map[string]bool {
	set := map[string]bool{}
	add := func(names []string) {
		for _, n := range names {
			set[n] = true
		}
	}
	if role == project.RoleRoute {
		add(routeFields)
		if major != 15 {
			add(fields16)
		}
		return set
	}
	add(pageFields)
	if major != 16 {
		add(pageFields15)
	}
	if major != 15 {
		add(pageFields16)
	}
	return set
}

// webpackOnly ends the message where the build may use Turbopack, which
// does not type-check the entries' exports.
const webpackOnly = " This fails when webpack builds the app (every build of Next.js 15, next build --webpack in 16), which type-checks the exports of pages, layouts and routes; Turbopack, the default in Next.js 16, builds it."

func run(pass *analysis.Pass) (any, error) {
	f := pass.File
	if !f.InApp(entries...) || pass.Config == nil || pass.Config.Next == nil {
		return nil, nil
	}
	next := pass.Config.Next
	if !next.TypeScript || next.IgnoreBuildErrors == nextconfig.On || next.IgnoreBuildErrors == nextconfig.Unknown ||
		next.TSConfigPath == nextconfig.On || next.TSConfigPath == nextconfig.Unknown {
		return nil, nil
	}
	kind := "Page"
	switch f.Role {
	case project.RoleLayout:
		kind = "Layout"
	case project.RoleRoute:
		kind = "Route"
	}
	ok := allowed(f.Role, next.NextMajor)
	for _, x := range f.Facts.Exports {
		if x.TypeOnly || x.Kind == facts.ExportType || x.Kind == facts.ExportAll || ok[x.Name] || elsewhere[x.Name] || maybeOption(x.Name) {
			continue
		}
		d := analysis.Diagnostic{
			Start: x.NameSpan.Start, End: x.NameSpan.End,
			Message: fmt.Sprintf("%s %q does not match the required types of a Next.js %s. %q is not a valid %s export field.", kind, f.Rel, kind, x.Name, kind),
		}
		if next.NextMajor != 15 {
			d.Message += webpackOnly
		}
		if next.NextMajor >= 16 {
			d.Milder = analysis.SeverityHint // Turbopack, the default, builds it
		}
		pass.Report(d)
	}
	return nil, nil
}
