package requestincache_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/requestincache"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", requestincache.Analyzer)
}
