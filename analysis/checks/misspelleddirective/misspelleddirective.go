// Package misspelleddirective reports strings in directive position that
// look like a misspelt 'use client', 'use server' or 'use cache'. A typo
// silently turns the directive into a no-op string.
package misspelleddirective

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "misspelledDirective",
	Doc: `string statement that looks like a misspelt directive

A string such as 'use-client', "use Client", 'use sever', 'use action' or
'use cache:remote' at the top level of a file or function body is not a
directive: the module silently stays in its default environment. Next.js
reports these as unsupported directive names.`,
	URL:      "https://nextjs.org/docs/app/api-reference/directives/use-server",
	Scope:    analysis.FileScope,
	Severity: analysis.SeverityError,
	Run:      run,
}

var canonical = []string{"use client", "use server", "use cache"}

func run(pass *analysis.Pass) (any, error) {
	kinds, _ := pass.Config.KnownCacheKinds()
	for _, s := range pass.Syntax.Strings {
		if s.Container == facts.InNestedBlock {
			continue
		}
		if k, _ := rsc.ParseDirective(s.Value); k != rsc.NoDirective {
			continue
		}
		want, fixable := Suggest(s.Value, kinds)
		if want == "" {
			continue
		}
		d := analysis.Diagnostic{
			Start: s.Span.Start, End: s.Span.End,
			Message: fmt.Sprintf(`Did you mean %q? %q is not a supported directive name.`, want, s.Value),
		}
		if fixable {
			d.Fixes = []analysis.SuggestedFix{{
				ID:      "respellDirective",
				Message: fmt.Sprintf("Replace with %q", want),
				Edits:   []analysis.TextEdit{{Start: s.Span.Start + 1, End: s.Span.End - 1, NewText: want}},
			}}
		}
		pass.Report(d)
	}
	return nil, nil
}

var cacheForm = regexp.MustCompile(`^use\s*cache\s*(:?)\s*([A-Za-z0-9_-]*)\s*$`)

// Suggest returns the directive s was probably meant to be, or "". fixable
// is false when the suggestion is a template the user must complete.
func Suggest(s string, cacheKinds []string) (want string, fixable bool) {
	norm := normalize(s)
	if norm == "" || rsc.OtherDirectives[norm] || rsc.OtherDirectives[s] {
		return "", false
	}
	if norm == "use action" {
		return "use server", true
	}
	for _, c := range canonical {
		if norm == c {
			return c, true
		}
	}
	if m := cacheForm.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s))); m != nil {
		kind := m[2]
		if kind == "" {
			if m[1] == ":" {
				return "use cache: <cache-kind>", false
			}
			return "use cache", true
		}
		if best := closest(kind, cacheKinds, 2); best != "" {
			kind = best
		}
		return "use cache: " + kind, true
	}
	if strings.HasPrefix(norm, "use cache") {
		return "", false
	}
	if best := closest(norm, canonical, 2); best != "" {
		return best, true
	}
	return "", false
}

// normalize lower-cases s and turns dashes, underscores and runs of spaces
// into single spaces.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// closest returns the candidate within maxDist edits of s, or "".
func closest(s string, candidates []string, maxDist int) string {
	best, bestDist := "", maxDist+1
	for _, c := range candidates {
		if d := distance(s, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the optimal-string-alignment edit distance: insertions,
// deletions, substitutions and transpositions of adjacent letters.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
