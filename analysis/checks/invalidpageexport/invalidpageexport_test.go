package invalidpageexport_test

import (
	"testing"

	"github.com/rscls/rscls/analysis/analysistest"
	"github.com/rscls/rscls/analysis/checks/invalidpageexport"
)

func TestNext15(t *testing.T) { analysistest.Run(t, "testdata/app15", invalidpageexport.Analyzer) }

// TestNext16: Turbopack, the default, builds it; the message says so.
func TestNext16(t *testing.T) { analysistest.Run(t, "testdata/app16", invalidpageexport.Analyzer) }

// TestJavaScript: without a tsconfig.json nothing is type-checked.
func TestJavaScript(t *testing.T) { analysistest.Run(t, "testdata/js", invalidpageexport.Analyzer) }

// TestIgnoreBuildErrors: typescript.ignoreBuildErrors lets the build go on.
func TestIgnoreBuildErrors(t *testing.T) {
	analysistest.Run(t, "testdata/ignored", invalidpageexport.Analyzer)
}
