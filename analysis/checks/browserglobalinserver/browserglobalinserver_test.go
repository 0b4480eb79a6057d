package browserglobalinserver_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/browserglobalinserver"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", browserglobalinserver.Analyzer)
}
