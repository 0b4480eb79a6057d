// Package metadataexport reports metadata exports that Next.js rejects:
// from a 'use client' page or layout, or both forms at once.
package metadataexport

import (
	"fmt"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "metadataExport",
	Doc: `metadata export from a 'use client' page or layout, or metadata and generateMetadata together

Metadata is resolved on the server before a page renders, so a page or
layout marked 'use client' cannot export metadata, generateMetadata,
unstable_selectMetadata or unstable_selectViewport.
A page or layout may export one of the two, not both.`,
	URL:      "https://nextjs.org/docs/app/api-reference/functions/generate-metadata#why-generatemetadata-is-server-component-only",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Wants: func(f *analysis.File, _ *analysis.Config) bool {
		return f.Role == project.RolePage || f.Role == project.RoleLayout
	},
	Run: run,
}

func run(pass *analysis.Pass) (any, error) {
	file := pass.File
	if file.Role != project.RolePage && file.Role != project.RoleLayout {
		return nil, nil
	}
	f := file.Facts
	if f.Has(rsc.UseClient) {
		for _, name := range rsc.ClientMetadataExports {
			x := f.ExportNamed(name)
			if x == nil || x.TypeOnly {
				continue
			}
			d := analysis.Diagnostic{
				Start: x.NameSpan.Start, End: x.NameSpan.End,
				Message: rsc.ClientMetadataMessage(x.Name),
			}
			for _, md := range f.Directives {
				if md.Kind == rsc.UseClient {
					d.Related = append(d.Related, analysis.RelatedInformation{
						Location: analysis.Location{Path: file.Path, Start: md.Span.Start, End: md.Span.End},
						Message:  `the file is a Client Component module because of this "use client"`,
					})
				}
			}
			pass.Report(d)
		}
		return nil, nil
	}
	var found []*facts.Export
	for _, name := range []string{"metadata", "generateMetadata"} {
		if x := f.ExportNamed(name); x != nil && !x.TypeOnly {
			found = append(found, x)
		}
	}
	if len(found) == 2 {
		first, second := found[0], found[1]
		if second.NameSpan.Start < first.NameSpan.Start {
			first, second = second, first
		}
		pass.Report(analysis.Diagnostic{
			Start: second.NameSpan.Start, End: second.NameSpan.End,
			URL:     "https://nextjs.org/docs/app/api-reference/file-conventions/metadata",
			Message: `"metadata" and "generateMetadata" cannot be exported at the same time, please keep one of them.`,
			Related: []analysis.RelatedInformation{{
				Location: analysis.Location{Path: file.Path, Start: first.NameSpan.Start, End: first.NameSpan.End},
				Message:  fmt.Sprintf("%q is also exported here", first.Name),
			}},
		})
	}
	return nil, nil
}
