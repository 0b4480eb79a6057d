// Package report prints findings for people and for machines: plain text,
// JSON, SARIF 2.1.0 for code scanning, and GitHub Actions annotations.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

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

	// Root returns the workspace root of a finding's file: messages name
	// files relative to it, and the text format rewrites those names
	// relative to Base. Nil leaves messages as they are.
	Root func(path string) string
	// Hints shows findings of severity hint in the formats people read
	// (text, github); json and sarif always carry them.
	Hints bool
	// Color and Width shape the text format: ANSI colours, and the column
	// at which messages wrap (0: 100).
	Color bool
	Width int
	// Fix says what rscls check --fix does with a finding's fixes.
	Fix func(f *engine.Finding) FixState
	// Fixed are the findings --fix fixed, with the sources as they were
	// before (their positions are in those).
	Fixed        []engine.Finding
	FixedSources Sources
	// Notes are what the check has to say besides findings (skipped
	// files); SARIF carries them as tool notifications.
	Notes []engine.Note
}

// FixStatus is what rscls check --fix does, or did, with a finding.
type FixStatus string

const (
	FixNone FixStatus = ""
	// FixAvailable: --fix applies the finding's fix.
	FixAvailable FixStatus = "fixable"
	// FixNeedsReview: the finding has a fix that --fix does not apply
	// unattended; Note says why.
	FixNeedsReview FixStatus = "needsReview"
	// FixApplied: --fix applied the fix.
	FixApplied FixStatus = "fixed"
)

// FixState is a finding's FixStatus and, for FixNeedsReview, the reason.
type FixState struct {
	Status FixStatus
	Note   string
}

func (in Input) fix(f *engine.Finding) FixState {
	if in.Fix == nil {
		return FixState{}
	}
	return in.Fix(f)
}

// visible reports whether a format people read shows f.
func (in Input) visible(f *engine.Finding) bool {
	return in.Hints || f.Severity != analysis.SeverityHint
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
	return in.posIn(in.Sources, path, offset, enc)
}

// posIn is pos with the positions of another version of the files (those
// before --fix changed them).
func (in Input) posIn(src Sources, path string, offset int, enc textpos.Encoding) pos {
	if src == nil {
		return pos{1, 1}
	}
	m := src.Mapper(path)
	if m == nil {
		return pos{1, 1}
	}
	l, c := m.Position(offset, enc)
	return pos{l + 1, c + 1}
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
	// NewFile: the edit creates the file, with NewText as its text.
	NewFile bool `json:"newFile,omitempty"`
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
	// FixStatus says what --fix does with the fixes: "fixable" (it
	// applies one), "needsReview" (it does not; FixNote says why) or
	// "fixed" (it did: the finding is gone, its positions are those
	// before the fix).
	FixStatus FixStatus `json:"fixStatus,omitempty"`
	FixNote   string    `json:"fixNote,omitempty"`
}

func (in Input) jpos(src Sources, path string, off int) jsonPos {
	p := in.posIn(src, path, off, textpos.UTF32)
	return jsonPos{Offset: off, Line: p.Line, Column: p.Col}
}

func writeJSON(w io.Writer, in Input) error {
	out := []jsonFinding{}
	add := func(f *engine.Finding, src Sources, st FixState) {
		jf := jsonFinding{
			Path: in.rel(f.Path), Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, URL: f.URL,
			Start: in.jpos(src, f.Path, f.Start), End: in.jpos(src, f.Path, f.End),
			FixStatus: st.Status, FixNote: st.Note,
		}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{Path: in.rel(r.Path), Start: in.jpos(src, r.Path, r.Start), End: in.jpos(src, r.Path, r.End), Message: r.Message})
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				p := e.Path
				if p == "" {
					p = f.Path
				}
				jx.Edits = append(jx.Edits, jsonEdit{Path: in.rel(p), Start: in.jpos(src, p, e.Start), End: in.jpos(src, p, e.End), NewText: e.NewText, NewFile: e.NewFile})
			}
			jf.Fixes = append(jf.Fixes, jx)
		}
		out = append(out, jf)
	}
	for i := range in.Fixed {
		add(&in.Fixed[i], in.FixedSources, FixState{Status: FixApplied})
	}
	for i := range in.Findings {
		f := &in.Findings[i]
		add(f, in.Sources, in.fix(f))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
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
	for i := range in.Findings {
		f := &in.Findings[i]
		if !in.visible(f) {
			continue
		}
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
