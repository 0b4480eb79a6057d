package misplaceddirective_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/misplaceddirective"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithFixes(t, "testdata/app", misplaceddirective.Analyzer)
}
