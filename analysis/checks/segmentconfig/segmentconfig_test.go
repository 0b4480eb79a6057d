package segmentconfig_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/segmentconfig"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "testdata/app", segmentconfig.Analyzer)
}

func TestRoute(t *testing.T) {
	for rel, want := range map[string]string{
		"app/page.tsx":                      "/",
		"src/app/page.tsx":                  "/",
		"app/(shop)/blog/[slug]/layout.tsx": "/blog/[slug]",
		"app/@modal/photo/page.tsx":         "/photo",
		"app/api/app/route.ts":              "/api/app",
	} {
		if got := segmentconfig.Route(rel); got != want {
			t.Errorf("Route(%q) = %q, want %q", rel, got, want)
		}
	}
}
