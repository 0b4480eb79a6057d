package usecachewithoutflag_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/usecachewithoutflag"
)

// Each app has its own next.config; next15 builds with Next.js 15, which
// does not read the top-level cacheComponents.
func TestAnalyzer(t *testing.T) {
	for _, app := range []string{"off", "on", "experimental", "unknown", "none", "next15"} {
		t.Run(app, func(t *testing.T) {
			analysistest.Run(t, "testdata/"+app, usecachewithoutflag.Analyzer)
		})
	}
}
