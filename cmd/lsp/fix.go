package lsp

import (
	"fmt"
	"os"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textedit"
	"github.com/rscls/rscls/internal/report"
)

// fixPlan is what rscls check --fix does with a set of findings: for
// every finding that has exactly one suggested fix that needs no review,
// that fix, unless its edits overlap an edit already taken (then the
// whole fix waits for the next run, so no file is half-fixed); the other
// fixes are left to a person, each with the reason.
type fixPlan struct {
	states map[findingKey]report.FixState
	edits  map[string][]analysis.TextEdit // by file
	fixed  []engine.Finding
}

// planFixes decides for each finding (restricted to the files of only,
// when it is not nil) what --fix does.
func planFixes(findings []engine.Finding, only map[string]bool) *fixPlan {
	p := &fixPlan{states: map[findingKey]report.FixState{}, edits: map[string][]analysis.TextEdit{}}
	for i := range findings {
		f := &findings[i]
		if len(f.Fixes) == 0 || (only != nil && !only[f.Path]) {
			continue
		}
		switch fix := f.Fixes[0]; {
		case len(f.Fixes) > 1:
			p.states[keyOf(f)] = report.FixState{Status: report.FixNeedsReview, Note: fmt.Sprintf("%d ways to fix it: choose one", len(f.Fixes))}
		case fix.NeedsReview || analysis.CreatesFile(fix.Edits):
			p.states[keyOf(f)] = report.FixState{Status: report.FixNeedsReview, Note: reviewReason(fix)}
		default:
			p.states[keyOf(f)] = report.FixState{Status: report.FixAvailable}
			if p.take(f) {
				p.fixed = append(p.fixed, *f)
			}
		}
	}
	return p
}

// reviewReason says why a fix is left to a person.
func reviewReason(fix analysis.SuggestedFix) string {
	switch {
	case fix.ID == analysis.FixAddUseClient:
		return "it moves the module, and what it imports, to the client"
	case analysis.CreatesFile(fix.Edits):
		return "it creates a file, whose name and place are yours to choose"
	}
	return "it changes which environment the code runs in"
}

// take adds the fix's edits, unless one overlaps an edit already taken.
func (p *fixPlan) take(f *engine.Finding) bool {
	var fresh []analysis.TextEdit
	for _, e := range f.Fixes[0].Edits {
		if e.Path == "" {
			e.Path = f.Path
		}
		dup := false
		for _, prev := range p.edits[e.Path] {
			switch {
			case prev == e:
				dup = true // the same fix offered by another finding
			case textedit.Overlap(prev, e):
				return false
			}
		}
		if !dup {
			fresh = append(fresh, e)
		}
	}
	for _, e := range fresh {
		p.edits[e.Path] = append(p.edits[e.Path], e)
	}
	return true
}

// findingKey identifies a finding among copies of it.
type findingKey struct {
	path, rule, message string
	start, end          int
}

func keyOf(f *engine.Finding) findingKey {
	return findingKey{f.Path, f.Rule, f.Message, f.Start, f.End}
}

// state is the report's view of a finding's fixes.
func (p *fixPlan) state(f *engine.Finding) report.FixState { return p.states[keyOf(f)] }

// apply writes the fixes taken to disk and returns how many findings
// they fix.
func (p *fixPlan) apply() (int, error) {
	for path, edits := range p.edits {
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
	return len(p.fixed), nil
}
