package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textpos"
)

// SARIF 2.1.0 for code scanning (GitHub's upload-sarif and others). Paths
// are relative to %SRCROOT%, the directory rscls ran in, and
// percent-encoded, so that any file name survives; each result has a
// fingerprint that does not move with line numbers, so that an alert
// keeps its identity across commits.

func sarifLevel(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "error"
	case analysis.SeverityWarning:
		return "warning"
	}
	return "note"
}

// fingerprintKey names rscls's fingerprint in partialFingerprints.
const fingerprintKey = "rsclsFinding/v1"

// uriPathEscape percent-encodes a slash-separated path for a URI: every
// byte but unreserved characters, sub-delimiters other than those that
// mean something to URI parsers, '@' and '/'. ':' is encoded too, so that
// a relative path's first segment is never read as a scheme.
func uriPathEscape(p string) string {
	const keep = "-._~!$&'()*+,;=@/"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// fileURI is the file: URI of an absolute path; with dir, it ends in a
// slash, as a base URI must.
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return "file://" + uriPathEscape(p)
}

func writeSARIF(w io.Writer, in Input) error {
	type obj = map[string]any
	ruleIndex := map[string]int{}
	rules := []obj{}
	for i, a := range in.Analyzers {
		ruleIndex[a.Name] = i
		_, rest, _ := strings.Cut(a.Doc, "\n")
		rest = strings.TrimSpace(rest)
		help := a.Title() + "."
		if rest != "" {
			help += "\n\n" + rest
		}
		md := help
		if a.URL != "" {
			help += "\n\nSee " + a.URL
			md += fmt.Sprintf("\n\nSee [the documentation](%s).", a.URL)
		}
		rule := obj{
			"id":                   a.Name,
			"name":                 a.Name,
			"shortDescription":     obj{"text": a.Title()},
			"fullDescription":      obj{"text": rest},
			"help":                 obj{"text": help, "markdown": md},
			"defaultConfiguration": obj{"level": sarifLevel(a.Severity)},
		}
		if a.URL != "" {
			rule["helpUri"] = a.URL
		}
		rules = append(rules, rule)
	}
	artifact := func(path string) obj {
		rel := in.rel(path)
		if filepath.IsAbs(filepath.FromSlash(rel)) {
			return obj{"uri": fileURI(path, false)}
		}
		return obj{"uri": uriPathEscape(rel), "uriBaseId": "%SRCROOT%"}
	}
	region := func(path string, start, end int) obj {
		s := in.pos(path, start, textpos.UTF16)
		e := in.pos(path, end, textpos.UTF16)
		return obj{"startLine": s.Line, "startColumn": s.Col, "endLine": e.Line, "endColumn": e.Col}
	}
	location := func(path string, start, end int) obj {
		return obj{"physicalLocation": obj{"artifactLocation": artifact(path), "region": region(path, start, end)}}
	}
	seen := map[string]int{}
	results := []obj{}
	for i := range in.Findings {
		f := &in.Findings[i]
		r := obj{
			"ruleId":              f.Rule,
			"level":               sarifLevel(f.Severity),
			"message":             obj{"text": f.Message},
			"locations":           []obj{location(f.Path, f.Start, f.End)},
			"partialFingerprints": obj{fingerprintKey: in.fingerprint(f, seen)},
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
				changes = append(changes, obj{"artifactLocation": artifact(p), "replacements": byFile[p]})
			}
			fixes = append(fixes, obj{"description": obj{"text": fix.Message}, "artifactChanges": changes})
		}
		if fixes != nil {
			r["fixes"] = fixes
		}
		results = append(results, r)
	}
	invocation := obj{"executionSuccessful": true, "workingDirectory": obj{"uri": fileURI(in.Base, true)}}
	var notes []obj
	for _, n := range in.Notes {
		level := "note"
		if n.Error {
			level = "error"
			invocation["executionSuccessful"] = false
		}
		note := obj{"level": level, "message": obj{"text": n.Message}}
		if n.Path != "" {
			note["locations"] = []obj{{"physicalLocation": obj{"artifactLocation": artifact(n.Path)}}}
		}
		notes = append(notes, note)
	}
	if notes != nil {
		invocation["toolExecutionNotifications"] = notes
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
			"invocations":        []obj{invocation},
			"originalUriBaseIds": obj{"%SRCROOT%": obj{"uri": fileURI(in.Base, true)}},
			"columnKind":         "utf16CodeUnits",
			"results":            results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// fingerprint identifies a finding across commits: its rule, file,
// message and the text of its line without surrounding blanks, not its
// line number, so that an alert survives edits above it; the count
// tells apart findings that agree in all of these.
func (in Input) fingerprint(f *engine.Finding, seen map[string]int) string {
	line := ""
	if m := in.Sources.Mapper(f.Path); m != nil {
		p := in.pos(f.Path, f.Start, textpos.UTF32)
		text, _, _ := excerpt(m, p.Line-1, p.Col, f.Start)
		line = strings.TrimSpace(text)
	}
	first, _, _ := strings.Cut(f.Message, "\n")
	h := sha256.Sum256([]byte(f.Rule + "\x00" + in.rel(f.Path) + "\x00" + first + "\x00" + line))
	key := hex.EncodeToString(h[:16])
	seen[key]++
	return fmt.Sprintf("%s:%d", key, seen[key])
}
