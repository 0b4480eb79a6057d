package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textpos"
)

// Summary is the closing line of a check: what was found, what is not
// shown, and how much was checked in how long.
type Summary struct {
	// Shown and Hidden count findings by severity.
	Shown, Hidden [analysis.SeverityError + 1]int
	// Fixable counts the findings --fix would fix.
	Fixable int
	Files   int
	Elapsed time.Duration
	// Quiet says that warnings were left out on request (--quiet),
	// rather than hints by default.
	Quiet bool
}

// Count adds a finding, shown or not.
func (s *Summary) Count(f *engine.Finding, shown bool) {
	if shown {
		s.Shown[f.Severity]++
	} else {
		s.Hidden[f.Severity]++
	}
}

// String renders the summary, in colour when color is set:
//
//	✖ 12 problems (9 errors, 3 warnings) · 148 hints hidden · 7,035 files in 3.1 s
//	✓ no problems in 184 files (0.4 s) · 3 hints hidden
func (s Summary) String(color bool) string {
	p := palette{color}
	problems := 0
	for _, n := range s.Shown {
		problems += n
	}
	files := fmt.Sprintf("%s %s", Thousands(s.Files), plural(s.Files, "file", "files"))
	took := fmt.Sprintf("%.1f s", s.Elapsed.Seconds())
	if s.Elapsed < time.Second {
		took = fmt.Sprintf("%d ms", s.Elapsed.Milliseconds())
	}
	var hidden []string
	for _, sev := range []analysis.Severity{analysis.SeverityWarning, analysis.SeverityInfo, analysis.SeverityHint} {
		if n := s.Hidden[sev]; n > 0 {
			hidden = append(hidden, count(n, sev))
		}
	}
	hiddenText := ""
	if len(hidden) > 0 {
		flag := "--hints shows them"
		if s.Quiet {
			flag = "--quiet"
		}
		hiddenText = " · " + strings.Join(hidden, ", ") + " hidden (" + flag + ")"
	}
	if problems == 0 {
		return fmt.Sprintf("%s no problems in %s (%s)%s", p.paint("32", "✓"), files, took, hiddenText)
	}
	var parts []string
	parts = append(parts, count(s.Shown[analysis.SeverityError], analysis.SeverityError))
	parts = append(parts, count(s.Shown[analysis.SeverityWarning], analysis.SeverityWarning))
	for _, sev := range []analysis.Severity{analysis.SeverityInfo, analysis.SeverityHint} {
		if n := s.Shown[sev]; n > 0 {
			parts = append(parts, count(n, sev))
		}
	}
	mark := p.paint("33", "✖")
	if s.Shown[analysis.SeverityError] > 0 {
		mark = p.paint("31", "✖")
	}
	line := fmt.Sprintf("%s %s (%s)%s", mark, p.bold(Thousands(problems)+" "+plural(problems, "problem", "problems")), strings.Join(parts, ", "), hiddenText)
	if s.Fixable > 0 {
		line += fmt.Sprintf(" · %s fixable with --fix", Thousands(s.Fixable))
	}
	return line + fmt.Sprintf(" · %s in %s", files, took)
}

func count(n int, sev analysis.Severity) string {
	names := map[analysis.Severity][2]string{
		analysis.SeverityError:   {"error", "errors"},
		analysis.SeverityWarning: {"warning", "warnings"},
		analysis.SeverityInfo:    {"info", "infos"},
		analysis.SeverityHint:    {"hint", "hints"},
	}[sev]
	return Thousands(n) + " " + plural(n, names[0], names[1])
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Thousands writes n with commas between groups of three digits, as the
// closing line counts.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// WriteFixed lists the findings --fix fixed, at their places before the
// fix, for the standard error of the text format.
func WriteFixed(w io.Writer, in Input) {
	if len(in.Fixed) == 0 {
		return
	}
	p := palette{in.Color}
	fmt.Fprintf(w, "%s %s:\n", p.paint("32", "fixed"), Thousands(len(in.Fixed))+" "+plural(len(in.Fixed), "problem", "problems"))
	for i := range in.Fixed {
		f := &in.Fixed[i]
		pos := in.posIn(in.FixedSources, f.Path, f.Start, textpos.UTF32)
		msg := ""
		if len(f.Fixes) > 0 {
			msg = f.Fixes[0].Message
		}
		fmt.Fprintf(w, "  %s:%d:%d  %s  %s\n", in.rel(f.Path), pos.Line, pos.Col, p.dim(f.Rule), msg)
	}
}
