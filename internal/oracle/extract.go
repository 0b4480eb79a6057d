package oracle

import (
	"regexp"
	"strings"
)

var (
	ansiRE       = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)
	locLineRE    = regexp.MustCompile(`^\./(\S+?):(\d+):(\d+)$`)
	fileLineRE   = regexp.MustCompile(`^\./(\S+)$`)
	swcErrorRE   = regexp.MustCompile(`^(?:Error:)?\s*x (.+)$`)
	swcSpanRE    = regexp.MustCompile(`,-\[(.+?):(\d+):(\d+)\]`)
	jsErrorRE    = regexp.MustCompile(`^\[?([A-Za-z]*Error): (.+?)(?:\](?: \{)?)?$`)
	prerenderRE  = regexp.MustCompile(`^Error occurred prerendering page "([^"]*)"`)
	typeErrorRE  = regexp.MustCompile(`^Type error: (.+)$`)
	moduleMissRE = regexp.MustCompile(`^(Module not found: .+)$`)
	buildFailRE  = regexp.MustCompile(`^Module build failed: ([A-Za-z]*Error: .+)$`)
	causeRE      = regexp.MustCompile(`^\[cause\]: ([A-Za-z]*Error): (.+)$`)
	collectRE    = regexp.MustCompile(`^\[?Error: (Failed to collect [^\]]+)`)
	tscErrorRE   = regexp.MustCompile(`^(\S+)\((\d+),(\d+)\): (error TS\d+: .+)$`)
)

// FirstError finds the first meaningful error of a failed `next build`
// in its output: the RSC validator's or the transform's message with the
// location the compiler printed, a type error, a missing module, or the
// error a page threw while prerendering. caseDir is where the case was
// built, to make paths relative to it. It returns "" when the output
// holds none of these: a failure of the harness, not a verdict.
func FirstError(output, caseDir string) string {
	// tsc names modules by absolute path inside its messages: the verdict
	// must not depend on where the case was built.
	return strings.ReplaceAll(firstError(output, caseDir), caseDir+"/", "")
}

func firstError(output, caseDir string) string {
	text := ansiRE.ReplaceAllString(output, "")
	text = strings.ReplaceAll(text, "\r", "")
	lines := strings.Split(text, "\n")
	rel := func(p string) string {
		p = strings.TrimPrefix(p, caseDir+"/")
		if i := strings.Index(p, "cases/"); i >= 0 && strings.HasPrefix(p, "cases/") {
			// Turbopack prints paths from its root, the install directory.
			rest := p[i+len("cases/"):]
			if j := strings.Index(rest, "/"); j >= 0 {
				p = rest[j+1:]
			}
		}
		return p
	}
	for i, raw := range lines {
		if strings.HasPrefix(strings.TrimSpace(raw), "Error: Turbopack build failed") {
			return turbopackError(lines[i+1:], rel)
		}
	}
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		switch {
		case line == "Failed to compile.":
			if e := webpackError(lines[i+1:], rel); e != "" {
				return e
			}
		case prerenderRE.MatchString(line):
			page := prerenderRE.FindStringSubmatch(line)[1]
			for _, l := range lines[i+1:] {
				l = strings.TrimSpace(l)
				if m := jsErrorRE.FindStringSubmatch(l); m != nil {
					return "prerendering " + page + ": " + m[1] + ": " + m[2]
				}
			}
			return "prerendering " + page
		case collectRE.MatchString(line):
			// The page module threw while Next.js read its configuration:
			// the cause is the error.
			what := collectRE.FindStringSubmatch(line)[1]
			for _, l := range lines[i+1:] {
				if m := causeRE.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
					return what + ": " + m[1] + ": " + m[2]
				}
			}
			return what
		case line == "Failed to type check.":
			// Next.js 16 prints tsc's own lines before this one.
			for _, l := range lines[:i] {
				if m := tscErrorRE.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
					return rel(m[1]) + ":" + m[2] + ":" + m[3] + ": Type " + m[4]
				}
			}
		case strings.HasPrefix(line, "⨯ Invalid segment configuration export detected"):
			// The build stops after collecting page data; the reason, when
			// Next.js gives one, is the config it could not read, printed
			// earlier while compiling (a warning until then).
			for j, l := range lines[:i] {
				l = strings.TrimSpace(l)
				if rest, ok := strings.CutPrefix(l, "⨯ Next.js can't recognize the exported `config` field"); ok {
					msg := "Next.js can't recognize the exported `config` field" + rest
					if j+1 < i {
						msg += " " + strings.TrimSpace(lines[j+1])
					}
					return msg
				}
			}
			return "Invalid segment configuration export detected."
		case line == "> Build error occurred":
			for _, l := range lines[i+1:] {
				l = strings.TrimSpace(l)
				if m := jsErrorRE.FindStringSubmatch(l); m != nil {
					return m[1] + ": " + m[2]
				}
			}
		}
	}
	return ""
}

func turbopackError(lines []string, rel func(string) string) string {
	loc := ""
	for _, raw := range lines {
		line := strings.TrimSpace(raw)
		if m := locLineRE.FindStringSubmatch(line); m != nil && loc == "" {
			loc = rel(m[1]) + ":" + m[2] + ":" + m[3] + ": "
			continue
		}
		if m := fileLineRE.FindStringSubmatch(line); m != nil && loc == "" {
			loc = rel(m[1]) + ": "
			continue
		}
		if msg, ok := strings.CutPrefix(line, "Error: "); ok {
			return loc + msg
		}
		if m := moduleMissRE.FindStringSubmatch(line); m != nil {
			return loc + m[1]
		}
	}
	return ""
}

func webpackError(lines []string, rel func(string) string) string {
	file, loc, msg := "", "", ""
	for k, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "Import trace for requested module") || strings.HasPrefix(line, "> Build failed") {
			if msg != "" && file == "" {
				// A module webpack could not read (node:fs) is named
				// without ./; the first module of the app in the trace
				// is the one that imports it.
				for _, l := range lines[k+1:] {
					if m := fileLineRE.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
						file = rel(m[1])
						break
					}
				}
			}
			break
		}
		if m := locLineRE.FindStringSubmatch(line); m != nil && file == "" {
			file = rel(m[1])
			loc = m[2] + ":" + m[3]
			continue
		}
		if m := fileLineRE.FindStringSubmatch(line); m != nil && file == "" {
			file = rel(m[1])
			continue
		}
		if msg == "" {
			if m := typeErrorRE.FindStringSubmatch(line); m != nil {
				msg = "Type error: " + m[1]
			} else if m := moduleMissRE.FindStringSubmatch(line); m != nil {
				msg = m[1]
			} else if m := buildFailRE.FindStringSubmatch(line); m != nil {
				msg = m[1]
			} else if m := swcErrorRE.FindStringSubmatch(line); m != nil {
				msg = strings.TrimSpace(m[1])
			} else if m := jsErrorRE.FindStringSubmatch(line); m != nil {
				msg = m[1] + ": " + m[2]
			} else if file != "" {
				// A plain message under the module's path, as webpack
				// prints the error that the server-only package throws.
				msg = line
			}
			continue
		}
		if m := swcSpanRE.FindStringSubmatch(line); m != nil && loc == "" {
			file = rel(m[1])
			loc = m[2] + ":" + m[3]
			break
		}
	}
	if msg == "" {
		return ""
	}
	where := file
	if where != "" && loc != "" {
		where += ":" + loc
	}
	if where != "" {
		return where + ": " + msg
	}
	return msg
}
