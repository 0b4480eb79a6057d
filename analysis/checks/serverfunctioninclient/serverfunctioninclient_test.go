package serverfunctioninclient_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/serverfunctioninclient"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithFixes(t, "testdata/app", serverfunctioninclient.Analyzer)
}
