package thirdpartyclientpackage_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/thirdpartyclientpackage"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithFixes(t, "testdata/app", thirdpartyclientpackage.Analyzer)
}
