package oracle

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/rscls/rscls/analysis"
)

// Want is one expected rscls finding, written in a case file on the line
// the finding starts on:
//
//	import { token } from './secret' // want "serverOnlyInClient: server-only"
//	export default async function C() { // want warning "asyncClientComponent"
//	{/* want "eventHandlerInServer: onClick" */}
//
// After `want` comes a run of quoted strings (Go syntax, "..." or `...`),
// each "rule" or "rule: regexp", the regexp matched against the message;
// a severity word (error, warning, info, hint) before a string applies to
// it and those after it, and error is the default.
type Want struct {
	File     string // slash path inside the case
	Line     int    // 1-based
	Severity analysis.Severity
	Rule     string
	Message  *regexp.Regexp // nil: any message
	Text     string         // as written, for reports
}

var wantRE = regexp.MustCompile(`(?://|/\*)\s*want\s+(.*)`)

// ParseWants finds the want comments of one file.
func ParseWants(file, src string) ([]Want, error) {
	var out []Want
	for i, line := range strings.Split(src, "\n") {
		m := wantRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ws, err := parseWantList(m[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad want comment: %v", file, i+1, err)
		}
		for _, w := range ws {
			w.File, w.Line = file, i+1
			out = append(out, w)
		}
	}
	return out, nil
}

var ruleRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

func parseWantList(s string) ([]Want, error) {
	var out []Want
	sev := analysis.SeverityError
	for {
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "*/") {
			break
		}
		if s[0] != '"' && s[0] != '`' {
			word := s
			if i := strings.IndexAny(s, " \t"); i >= 0 {
				word = s[:i]
			}
			v, ok := analysis.ParseSeverity(word)
			if !ok || v == analysis.SeverityOff {
				return nil, fmt.Errorf("want a severity or a quoted string, got %q", word)
			}
			sev = v
			s = s[len(word):]
			continue
		}
		lit, err := strconv.QuotedPrefix(s)
		if err != nil {
			return nil, err
		}
		s = s[len(lit):]
		text, _ := strconv.Unquote(lit)
		rule, msg, hasMsg := strings.Cut(text, ":")
		rule = strings.TrimSpace(rule)
		if !ruleRE.MatchString(rule) {
			return nil, fmt.Errorf("%s: want \"rule\" or \"rule: regexp\"", lit)
		}
		w := Want{Severity: sev, Rule: rule, Text: sev.String() + " " + lit}
		if hasMsg {
			re, err := regexp.Compile(strings.TrimSpace(msg))
			if err != nil {
				return nil, err
			}
			w.Message = re
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no quoted expectation")
	}
	return out, nil
}

// Matches says whether a finding meets the want.
func (w Want) Matches(file string, line int, sev analysis.Severity, rule, message string) bool {
	return w.File == file && w.Line == line && w.Severity == sev && w.Rule == rule &&
		(w.Message == nil || w.Message.MatchString(message))
}
