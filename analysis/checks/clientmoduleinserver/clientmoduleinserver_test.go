package clientmoduleinserver_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/clientmoduleinserver"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", clientmoduleinserver.Analyzer)
}
