package nonserializableprop_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/nonserializableprop"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", nonserializableprop.Analyzer)
}
