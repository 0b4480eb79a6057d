package pagesrouterexport_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/pagesrouterexport"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithFixes(t, "testdata/app", pagesrouterexport.Analyzer)
}
