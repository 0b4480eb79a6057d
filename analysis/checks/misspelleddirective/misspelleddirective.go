// Package misspelleddirective reports strings in directive position that
// look like a misspelt 'use client', 'use server' or 'use cache'. A typo
// silently turns the directive into a no-op string.
package misspelleddirective

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	Wants:    wants,
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

// wants finds the files whose text holds a string literal that Suggest
// has something to say about, whether or not it stands as a statement.
// The value the check sees is the text between a literal's quotes,
// escapes as written. On broken code tree-sitter's recovery stretches a
// literal over line breaks to a later quote, or ends it at the line's
// end, so each quote is tried with every end those can give it: the next
// quote of its kind (escapes honoured or not) and the end of its line
// (with or without the line's last character). A quote in a comment or a
// regular expression only adds candidates.
func wants(f *analysis.File, _ *analysis.Config) bool {
	src := f.Src
	// Every file is tested, most of them never parsed: quotes and line
	// breaks are found with IndexByte, each once.
	single, double := nextByte(src, 0, '\''), nextByte(src, 0, '"')
	nl, cr := -1, -1
	for {
		i := min(single, double)
		if i == len(src) {
			return false
		}
		if i == single {
			single = nextByte(src, i+1, '\'')
		} else {
			double = nextByte(src, i+1, '"')
		}
		if nl < i {
			nl = nextByte(src, i, '\n')
		}
		if cr < i {
			cr = nextByte(src, i, '\r')
		}
		ends := literalEnds(src, i, min(nl, cr))
		for k, end := range ends {
			if end > i && !slices.Contains(ends[:k], end) && mayBeMisspelt(src[i+1:end]) {
				return true
			}
		}
	}
}

// nextByte returns the index of the first c in src from i on, or len(src).
func nextByte(src []byte, i int, c byte) int {
	if j := bytes.IndexByte(src[i:], c); j >= 0 {
		return i + j
	}
	return len(src)
}

// literalEnds returns where the literal opened by the quote at i may end:
// the next quote of its kind, skipping escaped characters; the next one,
// not skipping them; the end of the line, and one byte before it. -1
// stands for none.
func literalEnds(src []byte, i, eol int) [4]int {
	q := src[i]
	ends := [4]int{-1, -1, -1, -1}
	for j := i + 1; j < len(src); j++ {
		if src[j] == q {
			ends[0] = j
			break
		}
		if src[j] == '\\' {
			j++
		}
	}
	if j := bytes.IndexByte(src[i+1:], q); j >= 0 {
		ends[1] = i + 1 + j
	}
	ends[2], ends[3] = eol, eol-1
	return ends
}

// mayBeMisspelt is Suggest(s, nil) != "", answered without Suggest's
// work for nearly every string: Suggest only answers a string that reads
// "use", spaces, "cache" ('use cache:remote', whatever follows) or whose
// normalized form (lower case, runs of spaces, dashes and underscores
// made one space) is within two edits of "use client", "use server",
// "use cache" or "use action". Two edits change at most two characters
// of the multiset a string is made of, which the filter compares. Cache
// kinds only change the answer, never whether there is one. Strings
// with other than ASCII are filtered by length alone (mayBeMisspeltText).
func mayBeMisspelt(s []byte) bool {
	if useCache(trimSpaceLeft(s)) {
		return suggests(s)
	}
	var norm [12]byte
	n, space := 0, false
	for _, c := range s {
		switch {
		case c >= 0x80:
			return mayBeMisspeltText(s)
		case c == ' ' || c == '-' || c == '_' || c >= '\t' && c <= '\r':
			space = n > 0
			continue
		}
		if space {
			if n == len(norm) {
				return false // longer than 12: too far from every directive
			}
			norm[n], n, space = ' ', n+1, false
		}
		if n == len(norm) {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		norm[n], n = c, n+1
	}
	if n < 7 {
		return false
	}
	count := bagOf(norm[:n])
	for k := range directiveBags {
		if bagDistance(&count, &directiveBags[k]) <= 2 {
			return suggests(s)
		}
	}
	return false
}

// trimSpaceLeft is bytes.TrimLeft(s, " \t\n\v\f\r"), without building
// the set of bytes at each of the many calls.
func trimSpaceLeft(s []byte) []byte {
	for len(s) > 0 && (s[0] == ' ' || s[0] >= '\t' && s[0] <= '\r') {
		s = s[1:]
	}
	return s
}

// useCache reports whether s starts with "use", spaces and "cache", in
// any case: the strings Suggest reads as a 'use cache' directive, of any
// kind.
func useCache(s []byte) bool {
	if len(s) < 3 || !bytes.EqualFold(s[:3], []byte("use")) {
		return false
	}
	rest := trimSpaceLeft(s[3:])
	return len(rest) >= 5 && bytes.EqualFold(rest[:5], []byte("cache"))
}

// mayBeMisspeltText is mayBeMisspelt for a string with other than ASCII.
// Suggest compares bytes of the lower-cased text without its spaces,
// dashes and underscores: each other letter r gives the bytes of
// unicode.ToLower(r), and with more than twelve the text is more than
// two edits from every directive. A byte that is not UTF-8 counts one.
func mayBeMisspeltText(s []byte) bool {
	if useCache(bytes.TrimLeftFunc(s, unicode.IsSpace)) {
		return suggests(s)
	}
	n := 0
	for rest := s; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		rest = rest[size:]
		switch {
		case r == utf8.RuneError:
			n++
		case !unicode.IsSpace(r) && r != '-' && r != '_':
			n += utf8.RuneLen(unicode.ToLower(r))
		}
		if n > 12 {
			return false
		}
	}
	return suggests(s)
}

var directiveNames = []string{"use client", "use server", "use cache", "use action"}

// bagDistance is a lower bound of the edit distance: how many characters
// of the larger of two multisets the other lacks. Characters are counted
// by their low five bits (bagOf): letters stay apart, and the few that
// share a count (digits with letters) can only lower the bound.
func bagDistance(a, b *[32]int8) int {
	// more-less is the difference of the sizes and more+less the sum of
	// the differences, added without a branch: max(more, less) follows.
	sum, size := 0, 0
	for k := range a {
		d := int(a[k]) - int(b[k])
		size += d
		m := d >> 63
		sum += (d ^ m) - m
	}
	m := size >> 63
	return (sum + (size ^ m) - m) / 2
}

// bagOf counts the characters of s by their low five bits.
func bagOf[S ~string | ~[]byte](s S) [32]int8 {
	var count [32]int8
	for i := 0; i < len(s); i++ {
		count[s[i]&31]++
	}
	return count
}

// directiveBags are directiveNames' characters, counted.
var directiveBags = func() [][32]int8 {
	out := make([][32]int8, len(directiveNames))
	for k, d := range directiveNames {
		out[k] = bagOf(d)
	}
	return out
}()

func suggests(s []byte) bool {
	want, _ := Suggest(string(s), nil)
	return want != ""
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
	var rows [3][65]int // on the stack: Suggest runs on many strings
	prev2, prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1]
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
