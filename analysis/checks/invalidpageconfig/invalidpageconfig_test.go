package invalidpageconfig_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/invalidpageconfig"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", invalidpageconfig.Analyzer)
}
