// Package suite lists every check of rscls, in the order of the README.
package suite

import (
	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/checks/asyncclientcomponent"
	"github.com/rscls/rscls/analysis/checks/browserglobalinserver"
	"github.com/rscls/rscls/analysis/checks/clientapiinserver"
	"github.com/rscls/rscls/analysis/checks/cliententryprops"
	"github.com/rscls/rscls/analysis/checks/clientmoduleinserver"
	"github.com/rscls/rscls/analysis/checks/conflictingdirectives"
	"github.com/rscls/rscls/analysis/checks/errorboundaryclient"
	"github.com/rscls/rscls/analysis/checks/eventhandlerinserver"
	"github.com/rscls/rscls/analysis/checks/incompatiblesegmentconfig"
	"github.com/rscls/rscls/analysis/checks/invalidpageconfig"
	"github.com/rscls/rscls/analysis/checks/invalidpageexport"
	"github.com/rscls/rscls/analysis/checks/metadataexport"
	"github.com/rscls/rscls/analysis/checks/metadatainclientgraph"
	"github.com/rscls/rscls/analysis/checks/misplaceddirective"
	"github.com/rscls/rscls/analysis/checks/misspelleddirective"
	"github.com/rscls/rscls/analysis/checks/mixedbarrel"
	"github.com/rscls/rscls/analysis/checks/movedapi"
	"github.com/rscls/rscls/analysis/checks/nodebuiltininclient"
	"github.com/rscls/rscls/analysis/checks/nonserializableprop"
	"github.com/rscls/rscls/analysis/checks/pagesrouterexport"
	"github.com/rscls/rscls/analysis/checks/requestincache"
	"github.com/rscls/rscls/analysis/checks/segmentconfig"
	"github.com/rscls/rscls/analysis/checks/serverfileexports"
	"github.com/rscls/rscls/analysis/checks/serverfunctioninclient"
	"github.com/rscls/rscls/analysis/checks/serverfunctions"
	"github.com/rscls/rscls/analysis/checks/serveronlyinclient"
	"github.com/rscls/rscls/analysis/checks/serveronlyinpages"
	"github.com/rscls/rscls/analysis/checks/ssrfalseinserver"
	"github.com/rscls/rscls/analysis/checks/taintwithoutflag"
	"github.com/rscls/rscls/analysis/checks/thirdpartyclientpackage"
	"github.com/rscls/rscls/analysis/checks/unnecessaryuseclient"
	"github.com/rscls/rscls/analysis/checks/usecachewithoutflag"
)

// Analyzers is the full suite.
var Analyzers = []*analysis.Analyzer{
	misplaceddirective.Analyzer,
	misspelleddirective.Analyzer,
	conflictingdirectives.Analyzer,
	serverfileexports.Analyzer,
	serverfunctions.Analyzer,
	usecachewithoutflag.Analyzer,
	requestincache.Analyzer,
	taintwithoutflag.Analyzer,
	serverfunctioninclient.Analyzer,
	asyncclientcomponent.Analyzer,
	errorboundaryclient.Analyzer,
	metadataexport.Analyzer,
	metadatainclientgraph.Analyzer,
	pagesrouterexport.Analyzer,
	invalidpageexport.Analyzer,
	segmentconfig.Analyzer,
	incompatiblesegmentconfig.Analyzer,
	invalidpageconfig.Analyzer,
	clientapiinserver.Analyzer,
	browserglobalinserver.Analyzer,
	eventhandlerinserver.Analyzer,
	serveronlyinclient.Analyzer,
	serveronlyinpages.Analyzer,
	nodebuiltininclient.Analyzer,
	clientmoduleinserver.Analyzer,
	ssrfalseinserver.Analyzer,
	movedapi.Analyzer,
	nonserializableprop.Analyzer,
	cliententryprops.Analyzer,
	thirdpartyclientpackage.Analyzer,
	mixedbarrel.Analyzer,
	unnecessaryuseclient.Analyzer,
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
