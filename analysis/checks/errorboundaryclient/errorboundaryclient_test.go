package errorboundaryclient_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/errorboundaryclient"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithFixes(t, "testdata/app", errorboundaryclient.Analyzer)
}
