// Package incompatiblesegmentconfig reports route segment config that the
// app's next.config rules out: options that Cache Components replaces, and
// instant, which needs it.
package incompatiblesegmentconfig

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/nextconfig"
	"github.com/rscls/rscls/analysis/project"
)

var Analyzer = &analysis.Analyzer{
	Name: "incompatibleSegmentConfig",
	Doc: `route segment config that next.config's cacheComponents or useCache rules out

With cacheComponents enabled in next.config, the route segment config
options runtime, dynamic, dynamicParams, fetchCache, revalidate and
experimental_ppr no longer apply (Cache Components and 'use cache'
replace them), and Next.js refuses to build a page or layout that
exports them; with experimental.useCache alone, runtime. The instant
option, conversely, needs cacheComponents. rscls reads next.config
without running it; when it cannot tell whether a flag is set, it
reports nothing.`,
	URL:      "https://nextjs.org/docs/app/getting-started/cache-components#migrating-route-segment-configs",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants: func(f *analysis.File, _ *analysis.Config) bool {
		return f.Role == project.RolePage || f.Role == project.RoleLayout
	},
	Run: run,
}

// replaced are the options Cache Components replaces.
var replaced = map[string]bool{"runtime": true, "dynamic": true, "dynamicParams": true, "fetchCache": true, "revalidate": true, "experimental_ppr": true}

func run(pass *analysis.Pass) (any, error) {
	f := pass.File
	if !f.InApp(project.RolePage, project.RoleLayout) {
		return nil, nil
	}
	if pass.Config == nil || pass.Config.Next == nil {
		return nil, nil
	}
	next := pass.Config.Next
	flag, version := next.CacheComponentsKey()
	cacheComponents := next.CacheComponentsOn()
	for _, x := range f.Facts.Exports {
		if x.TypeOnly || x.Source != "" || (x.Local != "" && x.Local != x.Name) {
			continue // Next.js looks at declarations and export { name }
		}
		var msg string
		switch {
		case replaced[x.Name] && flag != "":
			msg = fmt.Sprintf("Route segment config %q is not compatible with `nextConfig.%s`. Please remove it.", x.Name, flag)
			if version != "" {
				// The version of Next.js is not known, and only some read the key.
				msg += fmt.Sprintf(" (Next.js %s reads `%s`; other versions ignore it.)", version, flag)
			}
		case x.Name == "runtime" && flag == "" && cacheComponents != nextconfig.Unknown && next.UseCache == nextconfig.On:
			msg = fmt.Sprintf("Route segment config %q is not compatible with `nextConfig.experimental.useCache`. Please remove it.", x.Name)
		case (x.Name == "instant" || x.Name == "unstable_instant") && (cacheComponents == nextconfig.Unset || cacheComponents == nextconfig.Off):
			msg = fmt.Sprintf("Route segment config %q requires `nextConfig.cacheComponents` to be enabled.", x.Name)
		}
		if msg != "" {
			pass.Report(analysis.Diagnostic{Start: x.NameSpan.Start, End: x.NameSpan.End, Message: msg})
		}
	}
	return nil, nil
}
