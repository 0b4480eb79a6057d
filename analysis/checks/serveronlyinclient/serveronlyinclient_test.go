package serveronlyinclient_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/serveronlyinclient"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", serveronlyinclient.Analyzer)
}
