package cliententryprops_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/cliententryprops"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", cliententryprops.Analyzer)
}
