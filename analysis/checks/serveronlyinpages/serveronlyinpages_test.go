package serveronlyinpages_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/serveronlyinpages"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", serveronlyinpages.Analyzer)
}
