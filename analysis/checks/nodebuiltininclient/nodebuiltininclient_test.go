package nodebuiltininclient_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/nodebuiltininclient"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", nodebuiltininclient.Analyzer)
}

// TestConfigured: next.config may give the browser build a stand-in.
func TestConfigured(t *testing.T) {
	analysistest.Run(t, "testdata/configured", nodebuiltininclient.Analyzer)
}
