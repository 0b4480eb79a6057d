package ssrfalseinserver_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/ssrfalseinserver"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", ssrfalseinserver.Analyzer)
}
