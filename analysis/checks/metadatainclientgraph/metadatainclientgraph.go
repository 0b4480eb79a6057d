// Package metadatainclientgraph reports the metadata exports of a page or
// layout that the client graph reaches although the file is not marked
// 'use client' itself.
package metadatainclientgraph

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/passes/chain"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "metadataInClientGraph",
	Doc: `metadata export from a page or layout imported into the client graph

A page or layout that a Client Component imports is compiled as a Client
Component too, even without its own 'use client'. Next.js then rejects
its metadata, generateMetadata, unstable_selectMetadata and
unstable_selectViewport exports as it does in a 'use client' page: they
must be resolved on the server. The finding is at the export, with the
chain from the 'use client' module that imports the file.`,
	URL:      "https://nextjs.org/docs/app/api-reference/functions/generate-metadata#why-generatemetadata-is-server-component-only",
	Scope:    analysis.GraphScope,
	Severity: analysis.SeverityError,
	Envs:     []graph.Env{graph.Client},
	Requires: []*analysis.Analyzer{chain.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	f := m.Facts
	if f == nil || (m.Role != project.RolePage && m.Role != project.RoleLayout) {
		return nil, nil
	}
	// A file of its own 'use client' is metadataExport's; a module of
	// Server Functions is compiled as such in every graph.
	if f.Has(rsc.UseClient) || f.Has(rsc.UseServer) {
		return nil, nil
	}
	chains := pass.ResultOf[chain.Analyzer].(*chain.Chains)
	for _, name := range rsc.ClientMetadataExports {
		x := f.ExportNamed(name)
		if x == nil || x.TypeOnly {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Start: x.NameSpan.Start, End: x.NameSpan.End,
			Message: chains.Message(rsc.ClientMetadataMessage(name), graph.Client),
			Related: chains.Related(graph.Client),
		})
	}
	return nil, nil
}
