package taintwithoutflag

import (
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/rsc"
)

// Wants looks for the text every API the check reports is named with.
func TestWantsCoversEveryAPI(t *testing.T) {
	n := 0
	for _, api := range rsc.APIs {
		if api.Rule != rsc.NeedsTaint {
			continue
		}
		n++
		src := "import { " + api.Name + " } from '" + api.Module + "'\n"
		if !Analyzer.Wants(&analysis.File{Src: []byte(src)}, nil) || !strings.Contains(api.Name, "experimental_taint") {
			t.Errorf("Wants misses %s from %s", api.Name, api.Module)
		}
	}
	if n == 0 {
		t.Fatal("no API needs experimental.taint")
	}
}
