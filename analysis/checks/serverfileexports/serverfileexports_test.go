package serverfileexports_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/serverfileexports"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithFixes(t, "testdata/app", serverfileexports.Analyzer)
}
