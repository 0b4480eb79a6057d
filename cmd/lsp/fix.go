package lsp

import (
	"fmt"
	"os"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textedit"
)

// applyFixes applies, for every finding that has exactly one suggested
// fix not marked NeedsReview, that fix. A fix whose edits overlap an edit
// already taken is left out whole, so no file is half-fixed. It returns
// how many fixes it applied.
func applyFixes(findings []engine.Finding, only map[string]bool) (int, error) {
	byFile := map[string][]analysis.TextEdit{}
	var fixes [][]analysis.TextEdit
	for _, f := range findings {
		if len(f.Fixes) != 1 || f.Fixes[0].NeedsReview || (only != nil && !only[f.Path]) {
			continue
		}
		var edits []analysis.TextEdit
		for _, e := range f.Fixes[0].Edits {
			if e.Path == "" {
				e.Path = f.Path
			}
			edits = append(edits, e)
		}
		fixes = append(fixes, edits)
	}
	rejected := map[int]bool{}
	for i, edits := range fixes {
		ok := true
		var fresh []analysis.TextEdit
		for _, e := range edits {
			dup := false
			for _, prev := range byFile[e.Path] {
				switch {
				case prev == e:
					dup = true // the same fix offered by another finding
				case textedit.Overlap(prev, e):
					ok = false
				}
			}
			if !dup {
				fresh = append(fresh, e)
			}
		}
		if !ok {
			rejected[i] = true
			continue
		}
		for _, e := range fresh {
			byFile[e.Path] = append(byFile[e.Path], e)
		}
	}
	for path, edits := range byFile {
		src, err := os.ReadFile(path)
		if err != nil {
			return 0, err
		}
		if src, err = textedit.Apply(src, edits); err != nil {
			return 0, fmt.Errorf("%s: %v", path, err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(path, src, fi.Mode().Perm()); err != nil {
			return 0, err
		}
	}
	return len(fixes) - len(rejected), nil
}
