package incompatiblesegmentconfig_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/incompatiblesegmentconfig"
)

// Each app has its own next.config: cacheComponents on, experimental.useCache
// alone, off, unknown (read from an import), and the older dynamicIO.
func TestAnalyzer(t *testing.T) {
	for _, app := range []string{"cc", "usecache", "off", "unknown", "dynamicio"} {
		t.Run(app, func(t *testing.T) {
			analysistest.Run(t, "testdata/"+app, incompatiblesegmentconfig.Analyzer)
		})
	}
}
