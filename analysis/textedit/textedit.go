// Package textedit makes and applies the text edits of suggested fixes:
// the checks build their fixes with it, the language server its source
// actions, and the command line and analysistest apply fixes with it.
// Inserted code follows the file's own style (its quotes, whether its
// statements end with semicolons), as facts.File records it.
package textedit

import (
	"bytes"
	"fmt"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
)

// Apply applies edits to src. Identical edits (the same fix offered by
// several diagnostics) apply once; at one offset an insertion goes before
// a replacement that starts there. Edits that overlap otherwise, or that
// fall outside src, are an error.
func Apply(src []byte, edits []analysis.TextEdit) ([]byte, error) {
	sorted := append([]analysis.TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End < sorted[j].End
	})
	var out []byte
	last := 0
	for i, e := range sorted {
		if i > 0 && e == sorted[i-1] {
			continue
		}
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("overlapping or out-of-range edit %d-%d", e.Start, e.End)
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.NewText...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}

// Overlap reports whether two edits touch the same bytes of the same file.
// Two insertions at one offset overlap too: their order would be arbitrary.
func Overlap(a, b analysis.TextEdit) bool {
	if a.Path != b.Path {
		return false
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End
}

// Quote returns s as a string literal in the file's quote style.
func Quote(f *facts.File, s string) string {
	q := string(f.Quote)
	if q == "\x00" {
		q = "'"
	}
	return q + s + q
}

// Statement ends stmt with a semicolon when the file's statements do.
func Statement(f *facts.File, stmt string) string {
	if f.Semicolons {
		return stmt + ";"
	}
	return stmt
}

// InsertDirective returns an edit that adds a directive before the file's
// first statement, in the file's own quote and semicolon style.
func InsertDirective(f *facts.File, directive string) analysis.TextEdit {
	text := Statement(f, Quote(f, directive))
	at := f.FirstStmt
	if at >= f.Size { // no statement at all: the directive goes first
		return analysis.TextEdit{Start: 0, End: 0, NewText: text + "\n"}
	}
	return analysis.TextEdit{Start: at, End: at, NewText: text + "\n\n"}
}

// InsertSideEffectImport returns an edit that adds `import 'source'` after
// the file's directives, or before its first statement when it has none.
func InsertSideEffectImport(f *facts.File, source string) analysis.TextEdit {
	text := Statement(f, "import "+Quote(f, source))
	at := f.FirstStmt
	if n := len(f.Directives); n > 0 {
		at = f.Directives[n-1].Stmt.End
		return analysis.TextEdit{Start: at, End: at, NewText: "\n\n" + text}
	}
	if at >= f.Size {
		return analysis.TextEdit{Start: 0, End: 0, NewText: text + "\n"}
	}
	return analysis.TextEdit{Start: at, End: at, NewText: text + "\n\n"}
}

// DeleteStatement returns an edit removing the statement s, together with
// its line when nothing else is on it. It scans only the blanks around the
// statement, so its cost does not grow with the line (a minified file is
// one long line).
func DeleteStatement(src []byte, s facts.Span) analysis.TextEdit {
	start, end := s.Start, s.End
	lineStart := start
	for lineStart > 0 {
		r, size := utf8.DecodeLastRune(src[:lineStart])
		if r == '\n' || !unicode.IsSpace(r) {
			break
		}
		lineStart -= size
	}
	lineEnd := end
	for lineEnd < len(src) {
		r, size := utf8.DecodeRune(src[lineEnd:])
		if r == '\n' || !unicode.IsSpace(r) {
			break
		}
		lineEnd += size
	}
	blankBefore := lineStart == 0 || src[lineStart-1] == '\n'
	blankAfter := lineEnd == len(src) || src[lineEnd] == '\n'
	switch {
	case blankBefore && blankAfter:
		start = lineStart
		end = lineEnd
		if end < len(src) {
			end++ // the newline
		}
	case !blankAfter:
		// Keep what follows (a comment, another statement) where it was.
		for end < lineEnd && (src[end] == ' ' || src[end] == '\t') {
			end++
		}
	}
	return analysis.TextEdit{Start: start, End: end}
}

// LineIndent returns the indentation of the line containing offset.
func LineIndent(src []byte, offset int) string {
	lineStart := bytes.LastIndexByte(src[:offset], '\n') + 1
	i := lineStart
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return string(src[lineStart:i])
}

// AddUseClientFix is the fix that marks a file 'use client'. It changes
// where the file's code runs, so it needs review: rscls check --fix does
// not apply it unattended.
func AddUseClientFix(f *facts.File) analysis.SuggestedFix {
	return analysis.SuggestedFix{
		ID:          analysis.FixAddUseClient,
		Message:     `Add "use client" to the top of the file`,
		Edits:       []analysis.TextEdit{InsertDirective(f, "use client")},
		NeedsReview: true,
	}
}
