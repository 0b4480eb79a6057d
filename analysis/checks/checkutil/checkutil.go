// Package checkutil holds the small editing helpers the checks share.
package checkutil

import (
	"strings"

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
// its line when nothing else is on it.
func DeleteStatement(src []byte, s facts.Span) analysis.TextEdit {
	start, end := s.Start, s.End
	lineStart := strings.LastIndexByte(string(src[:start]), '\n') + 1
	lineEnd := len(src)
	if i := strings.IndexByte(string(src[end:]), '\n'); i >= 0 {
		lineEnd = end + i
	}
	before := strings.TrimSpace(string(src[lineStart:start]))
	after := strings.TrimSpace(string(src[end:lineEnd]))
	switch {
	case before == "" && after == "":
		start = lineStart
		end = lineEnd
		if end < len(src) {
			end++ // the newline
		}
	case after != "":
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
	lineStart := strings.LastIndexByte(string(src[:offset]), '\n') + 1
	i := lineStart
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return string(src[lineStart:i])
}
