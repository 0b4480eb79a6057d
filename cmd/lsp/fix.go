package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
)

// applyFixes applies, for every finding that has exactly one suggested
// fix not marked NeedsReview, that fix. A fix whose edits overlap an edit already taken is left
// out whole, so no file is half-fixed. It returns how many fixes it applied.
func applyFixes(findings []engine.Finding, only map[string]bool) (int, error) {
	type edit struct {
		analysis.TextEdit
		fix int
	}
	byFile := map[string][]edit{}
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
				case prev.TextEdit == e:
					dup = true // the same fix offered by another finding
				case overlaps(prev.TextEdit, e):
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
			byFile[e.Path] = append(byFile[e.Path], edit{e, i})
		}
	}
	for path, edits := range byFile {
		src, err := os.ReadFile(path)
		if err != nil {
			return 0, err
		}
		sort.Slice(edits, func(i, j int) bool {
			if edits[i].Start != edits[j].Start {
				return edits[i].Start > edits[j].Start
			}
			return edits[i].fix > edits[j].fix
		})
		for _, e := range edits {
			if e.Start < 0 || e.End > len(src) || e.Start > e.End {
				return 0, fmt.Errorf("%s: fix out of range", path)
			}
			src = append(src[:e.Start:e.Start], append([]byte(e.NewText), src[e.End:]...)...)
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

// overlaps reports whether two edits touch the same bytes. Two insertions
// at the same offset overlap too: their order would be arbitrary.
func overlaps(a, b analysis.TextEdit) bool {
	if a.Path != b.Path {
		return false
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End
}
