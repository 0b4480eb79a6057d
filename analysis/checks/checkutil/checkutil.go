// Package checkutil holds the small editing helpers the checks share.
package checkutil

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/rsc"
)

// DocURL is the Next.js documentation page of each directive.
func DocURL(k rsc.DirectiveKind) string {
	switch k {
	case rsc.UseClient:
		return "https://nextjs.org/docs/app/api-reference/directives/use-client"
	case rsc.UseServer:
		return "https://nextjs.org/docs/app/api-reference/directives/use-server"
	case rsc.UseCache:
		return "https://nextjs.org/docs/app/api-reference/directives/use-cache"
	}
	return ""
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

// InsertDirective returns an edit that adds a directive before the file's
// first statement, in the file's own quote and semicolon style.
func InsertDirective(f *facts.File, directive string) analysis.TextEdit {
	q := string(f.Quote)
	if q == "\x00" {
		q = "'"
	}
	text := q + directive + q
	if f.Semicolons {
		text += ";"
	}
	at := f.FirstStmt
	if at >= f.Size { // no statement at all: the directive goes first
		return analysis.TextEdit{Start: 0, End: 0, NewText: text + "\n"}
	}
	return analysis.TextEdit{Start: at, End: at, NewText: text + "\n\n"}
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
