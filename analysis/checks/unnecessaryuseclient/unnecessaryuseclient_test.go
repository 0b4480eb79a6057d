package unnecessaryuseclient_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/unnecessaryuseclient"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithFixes(t, "testdata/app", unnecessaryuseclient.Analyzer)
}

// TestLibraries runs the check on a monorepo whose packages are imported
// by other packages, published with and without an exports map, and a
// registry of sources: only the app's own module and a package's module
// that no export reaches get the hint.
func TestLibraries(t *testing.T) {
	analysistest.Run(t, "testdata/monorepo", unnecessaryuseclient.Analyzer)
}
