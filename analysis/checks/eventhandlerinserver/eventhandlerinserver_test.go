package eventhandlerinserver_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/eventhandlerinserver"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", eventhandlerinserver.Analyzer)
}
