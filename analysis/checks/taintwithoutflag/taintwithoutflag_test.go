package taintwithoutflag_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/taintwithoutflag"
)

func TestAnalyzer(t *testing.T) {
	for _, app := range []string{"off", "on", "unknown"} {
		t.Run(app, func(t *testing.T) {
			analysistest.Run(t, "testdata/"+app, taintwithoutflag.Analyzer)
		})
	}
}
