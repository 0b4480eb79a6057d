package metadatainclientgraph_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/metadatainclientgraph"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", metadatainclientgraph.Analyzer)
}
