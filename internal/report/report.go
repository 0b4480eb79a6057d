// Package report prints findings for people and for machines: plain text,
// JSON, SARIF 2.1.0 for code scanning, and GitHub Actions annotations.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textpos"
)

// Formats lists the names accepted by Write.
var Formats = []string{"text", "json", "sarif", "github"}

// Sources gives the content of files, for positions and source lines.
type Sources interface {
	Mapper(path string) *textpos.Mapper
}

// Input is what a report is made of.
type Input struct {
	Findings  []engine.Finding
	Base      string // paths are shown relative to this directory
	Sources   Sources
	Analyzers []*analysis.Analyzer
	Version   string
}

// Write prints findings in the named format.
func Write(w io.Writer, format string, in Input) error {
	switch format {
	case "text":
		return writeText(w, in)
	case "json":
		return writeJSON(w, in)
	case "sarif":
		return writeSARIF(w, in)
	case "github":
		return writeGitHub(w, in)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

func (in Input) rel(path string) string {
	if in.Base != "" {
		if r, err := filepath.Rel(in.Base, path); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(path)
}

// pos is a 1-based line and column.
type pos struct{ Line, Col int }

func (in Input) pos(path string, offset int, enc textpos.Encoding) pos {
	m := in.Sources.Mapper(path)
	if m == nil {
		return pos{1, 1}
	}
	l, c := m.Position(offset, enc)
	return pos{l + 1, c + 1}
}

func writeText(w io.Writer, in Input) error {
	for _, f := range in.Findings {
		p := in.pos(f.Path, f.Start, textpos.UTF32)
		first, rest, _ := strings.Cut(f.Message, "\n")
		fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", in.rel(f.Path), p.Line, p.Col, f.Severity, first, f.Rule)
		for _, l := range strings.Split(rest, "\n") {
			if rest != "" {
				fmt.Fprintf(w, "    %s\n", l)
			}
		}
		if m := in.Sources.Mapper(f.Path); m != nil {
			width := 1
			if end := in.pos(f.Path, f.End, textpos.UTF32); end.Line == p.Line && end.Col > p.Col {
				width = end.Col - p.Col
			}
			line, prefix, rest := excerpt(m, p.Line-1, p.Col, f.Start)
			width = max(min(width, rest), 1)
			pad := strings.Map(func(r rune) rune {
				if r == '\t' {
					return '\t'
				}
				return ' '
			}, prefix)
			// The caret line keeps the source's tabs so it lines up.
			fmt.Fprintf(w, "    %s\n    %s%s\n", line, pad, strings.Repeat("^", width))
		}
		for _, r := range f.Related {
			rp := in.pos(r.Path, r.Start, textpos.UTF32)
			fmt.Fprintf(w, "    %s:%d:%d: %s\n", in.rel(r.Path), rp.Line, rp.Col, r.Message)
		}
		if f.URL != "" {
			fmt.Fprintf(w, "    see %s\n", f.URL)
		}
	}
	return nil
}

// maxExcerptLine is the longest source line printed whole under a
// finding. Longer lines (a minified file is one line of megabytes) are cut
// to excerptBefore and excerptAfter bytes around the finding, with "…"
// where text was left out.
const (
	maxExcerptLine = 300
	excerptBefore  = 80
	excerptAfter   = 160
)

// excerpt returns the source line to show for a finding at 1-based
// column col (byte offset offset) of the 0-based line, the part of it that
// precedes the finding, and how many characters follow the finding's
// start in what is shown.
func excerpt(m *textpos.Mapper, line, col, offset int) (text, prefix string, rest int) {
	src := m.Src()
	start, end := m.Offset(line, 0, textpos.UTF8), m.Offset(line, math.MaxInt32, textpos.UTF8)
	if end-start <= maxExcerptLine {
		runes := []rune(string(src[start:end]))
		before := runes
		if col-1 <= len(runes) {
			before = runes[:col-1]
		}
		return string(runes), string(before), len(runes) - len(before)
	}
	offset = min(max(offset, start), end)
	from, to := max(start, offset-excerptBefore), min(end, offset+excerptAfter)
	for from < offset && !utf8.RuneStart(src[from]) {
		from++
	}
	for to > offset && to < end && !utf8.RuneStart(src[to]) {
		to--
	}
	head, tail := "", ""
	if from > start {
		head = "…"
	}
	if to < end {
		tail = "…"
	}
	prefix = head + string(src[from:offset])
	return prefix + string(src[offset:to]) + tail, prefix, utf8.RuneCount(src[offset:to])
}

type jsonPos struct {
	Offset int `json:"offset"`
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonEdit struct {
	Path    string  `json:"path"`
	Start   jsonPos `json:"start"`
	End     jsonPos `json:"end"`
	NewText string  `json:"newText"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonRelated struct {
	Path    string  `json:"path"`
	Start   jsonPos `json:"start"`
	End     jsonPos `json:"end"`
	Message string  `json:"message"`
}

type jsonFinding struct {
	Path     string        `json:"path"`
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"`
	Message  string        `json:"message"`
	URL      string        `json:"url,omitempty"`
	Start    jsonPos       `json:"start"`
	End      jsonPos       `json:"end"`
	Related  []jsonRelated `json:"related,omitempty"`
	Fixes    []jsonFix     `json:"fixes,omitempty"`
}

func (in Input) jpos(path string, off int) jsonPos {
	p := in.pos(path, off, textpos.UTF32)
	return jsonPos{Offset: off, Line: p.Line, Column: p.Col}
}

func writeJSON(w io.Writer, in Input) error {
	out := []jsonFinding{}
	for _, f := range in.Findings {
		jf := jsonFinding{
			Path: in.rel(f.Path), Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, URL: f.URL,
			Start: in.jpos(f.Path, f.Start), End: in.jpos(f.Path, f.End),
		}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{Path: in.rel(r.Path), Start: in.jpos(r.Path, r.Start), End: in.jpos(r.Path, r.End), Message: r.Message})
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				p := e.Path
				if p == "" {
					p = f.Path
				}
				jx.Edits = append(jx.Edits, jsonEdit{Path: in.rel(p), Start: in.jpos(p, e.Start), End: in.jpos(p, e.End), NewText: e.NewText})
			}
			jf.Fixes = append(jf.Fixes, jx)
		}
		out = append(out, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func sarifLevel(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "error"
	case analysis.SeverityWarning:
		return "warning"
	}
	return "note"
}

func writeSARIF(w io.Writer, in Input) error {
	type obj = map[string]any
	ruleIndex := map[string]int{}
	rules := []obj{}
	for i, a := range in.Analyzers {
		ruleIndex[a.Name] = i
		_, rest, _ := strings.Cut(a.Doc, "\n")
		rules = append(rules, obj{
			"id":                   a.Name,
			"name":                 a.Name,
			"shortDescription":     obj{"text": a.Title()},
			"fullDescription":      obj{"text": strings.TrimSpace(rest)},
			"helpUri":              a.URL,
			"defaultConfiguration": obj{"level": sarifLevel(a.Severity)},
		})
	}
	region := func(path string, start, end int) obj {
		s := in.pos(path, start, textpos.UTF16)
		e := in.pos(path, end, textpos.UTF16)
		return obj{"startLine": s.Line, "startColumn": s.Col, "endLine": e.Line, "endColumn": e.Col}
	}
	location := func(path string, start, end int) obj {
		return obj{"physicalLocation": obj{
			"artifactLocation": obj{"uri": in.rel(path), "uriBaseId": "%SRCROOT%"},
			"region":           region(path, start, end),
		}}
	}
	results := []obj{}
	for _, f := range in.Findings {
		r := obj{
			"ruleId":    f.Rule,
			"level":     sarifLevel(f.Severity),
			"message":   obj{"text": f.Message},
			"locations": []obj{location(f.Path, f.Start, f.End)},
		}
		if i, ok := ruleIndex[f.Rule]; ok {
			r["ruleIndex"] = i
		}
		if len(f.Related) > 0 {
			var rel []obj
			for i, x := range f.Related {
				l := location(x.Path, x.Start, x.End)
				l["id"] = i
				l["message"] = obj{"text": x.Message}
				rel = append(rel, l)
			}
			r["relatedLocations"] = rel
		}
		var fixes []obj
		for _, fix := range f.Fixes {
			byFile := map[string][]obj{}
			var files []string
			for _, e := range fix.Edits {
				p := e.Path
				if p == "" {
					p = f.Path
				}
				if _, ok := byFile[p]; !ok {
					files = append(files, p)
				}
				byFile[p] = append(byFile[p], obj{"deletedRegion": region(p, e.Start, e.End), "insertedContent": obj{"text": e.NewText}})
			}
			sort.Strings(files)
			var changes []obj
			for _, p := range files {
				changes = append(changes, obj{"artifactLocation": obj{"uri": in.rel(p), "uriBaseId": "%SRCROOT%"}, "replacements": byFile[p]})
			}
			fixes = append(fixes, obj{"description": obj{"text": fix.Message}, "artifactChanges": changes})
		}
		if fixes != nil {
			r["fixes"] = fixes
		}
		results = append(results, r)
	}
	doc := obj{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []obj{{
			"tool": obj{"driver": obj{
				"name":           "rscls",
				"informationUri": "https://github.com/rscls/rscls",
				"version":        in.Version,
				"rules":          rules,
			}},
			"originalUriBaseIds": obj{"%SRCROOT%": obj{"uri": "file://" + filepath.ToSlash(in.Base) + "/"}},
			"columnKind":         "utf16CodeUnits",
			"results":            results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// escapeGitHub escapes workflow command data and property values.
func escapeGitHub(s string, property bool) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
	if property {
		s = strings.NewReplacer(":", "%3A", ",", "%2C").Replace(s)
	}
	return s
}

func writeGitHub(w io.Writer, in Input) error {
	for _, f := range in.Findings {
		cmd := "notice"
		switch f.Severity {
		case analysis.SeverityError:
			cmd = "error"
		case analysis.SeverityWarning:
			cmd = "warning"
		}
		s := in.pos(f.Path, f.Start, textpos.UTF32)
		e := in.pos(f.Path, f.End, textpos.UTF32)
		msg := f.Message
		for _, r := range f.Related {
			rp := in.pos(r.Path, r.Start, textpos.UTF32)
			msg += fmt.Sprintf("\n%s:%d:%d: %s", in.rel(r.Path), rp.Line, rp.Col, r.Message)
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			cmd, escapeGitHub(in.rel(f.Path), true), s.Line, s.Col, e.Line, e.Col, escapeGitHub("rscls "+f.Rule, true), escapeGitHub(msg, false))
	}
	return nil
}
