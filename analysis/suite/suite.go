// Package suite lists every check of rscls, in the order of the README.
package suite

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/checks/asyncclientcomponent"
	"github.com/rscls/rscls/analysis/checks/conflictingdirectives"
	"github.com/rscls/rscls/analysis/checks/errorboundaryclient"
	"github.com/rscls/rscls/analysis/checks/metadataexport"
	"github.com/rscls/rscls/analysis/checks/misplaceddirective"
	"github.com/rscls/rscls/analysis/checks/misspelleddirective"
	"github.com/rscls/rscls/analysis/checks/pagesrouterexport"
	"github.com/rscls/rscls/analysis/checks/serverfileexports"
	"github.com/rscls/rscls/analysis/checks/serverfunctioninclient"
	"github.com/rscls/rscls/analysis/checks/serverfunctions"
)

// Analyzers is the full suite.
var Analyzers = []*analysis.Analyzer{
	misplaceddirective.Analyzer,
	misspelleddirective.Analyzer,
	conflictingdirectives.Analyzer,
	serverfileexports.Analyzer,
	serverfunctions.Analyzer,
	serverfunctioninclient.Analyzer,
	asyncclientcomponent.Analyzer,
	errorboundaryclient.Analyzer,
	metadataexport.Analyzer,
	pagesrouterexport.Analyzer,
}

// ByName returns the analyzer with the given name, or nil.
func ByName(name string) *analysis.Analyzer {
	for _, a := range Analyzers {
		if a.Name == name {
			return a
		}
	}
	return nil
}
