package report

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/textpos"
	"github.com/rscls/rscls/internal/osfs"
)

// sarifSchema compiles the SARIF 2.1.0 schema (testdata/README.md says
// where it comes from), asserting formats such as uri-reference.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-2.1.0-rtm.5.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, out []byte) map[string]any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("not SARIF 2.1.0: %v", err)
	}
	var doc map[string]any
	json.Unmarshal(out, &doc)
	return doc
}

type mapSources map[string][]byte

func (m mapSources) Mapper(path string) *textpos.Mapper {
	if src, ok := m[path]; ok {
		return textpos.NewMapper(src)
	}
	return nil
}

// TestSARIFSchema validates the report of the example app, with its
// rules, fixes, related locations and notes.
func TestSARIFSchema(t *testing.T) {
	schema := sarifSchema(t)
	root, err := filepath.Abs("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := engine.Load(context.Background(), osfs.NewConfined(root), root, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	srcs := mapSources{}
	for _, p := range snap.Files() {
		srcs[p], _ = os.ReadFile(p)
	}
	notes := []engine.Note{{Path: filepath.Join(root, "lib/big.js"), Message: "skipped: larger than 2 MB"}, {Message: "skipped symlinked directory x"}}
	var out bytes.Buffer
	in := Input{Findings: snap.Findings(), Base: root, Sources: srcs, Analyzers: suite.Analyzers, Version: "1.0.0", Notes: notes}
	if err := writeSARIF(&out, in); err != nil {
		t.Fatal(err)
	}
	// The schema catches what code scanning rejects.
	for _, bad := range []string{`"level": "error"`, `"version": "2.1.0"`} {
		broken := strings.Replace(out.String(), bad, strings.Replace(bad, `": "`, `": "x`, 1), 1)
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(broken))
		if schema.Validate(v) == nil {
			t.Errorf("the schema accepts %s made invalid", bad)
		}
	}
	doc := validate(t, schema, out.Bytes())
	run := doc["runs"].([]any)[0].(map[string]any)
	results := run["results"].([]any)
	if len(results) == 0 {
		t.Fatal("no results")
	}
	prints := map[string]bool{}
	for _, r := range results {
		fp, _ := r.(map[string]any)["partialFingerprints"].(map[string]any)[fingerprintKey].(string)
		if fp == "" || prints[fp] {
			t.Errorf("result without a fingerprint of its own: %v", r)
		}
		prints[fp] = true
	}
	for _, r := range run["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any) {
		help, _ := r.(map[string]any)["help"].(map[string]any)
		if text, _ := help["text"].(string); len(text) < 40 {
			t.Errorf("rule %v: help %q", r.(map[string]any)["id"], text)
		}
	}
	inv := run["invocations"].([]any)[0].(map[string]any)
	if wd := inv["workingDirectory"].(map[string]any)["uri"]; wd != fileURI(root, true) {
		t.Errorf("working directory %v", wd)
	}
	if n := len(inv["toolExecutionNotifications"].([]any)); n != 2 {
		t.Errorf("%d notifications, want 2", n)
	}
}

// TestSARIFPaths checks that file names with spaces, '%', ',', ':' and
// other characters survive: every artifact URI, resolved against
// %SRCROOT%, gives back the file's path.
func TestSARIFPaths(t *testing.T) {
	schema := sarifSchema(t)
	base := "/work/my project/100% done"
	names := []string{
		"app/(shop)/[id]/page.tsx", "a b/c,d.tsx", "x:y/z.ts", "50%/off.ts", "ünï/cödé.tsx", "q?#/h.ts", "plain.ts",
	}
	srcs := mapSources{}
	var findings []engine.Finding
	for _, n := range names {
		p := filepath.Join(base, n)
		srcs[p] = []byte("'use client'\nexport const x = 1\n")
		findings = append(findings, engine.Finding{Path: p, Severity: analysis.SeverityError, Diagnostic: analysis.Diagnostic{
			Start: 0, End: 12, Message: "m", Rule: "misplacedDirective",
			Related: []analysis.RelatedInformation{{Location: analysis.Location{Path: p, Start: 13, End: 19}, Message: "here"}},
			Fixes:   []analysis.SuggestedFix{{Message: "f", Edits: []analysis.TextEdit{{Start: 0, End: 0, NewText: "x"}}}},
		}})
	}
	outside := "/elsewhere/lib/a b.ts"
	srcs[outside] = []byte("x\n")
	findings = append(findings, engine.Finding{Path: outside, Severity: analysis.SeverityWarning, Diagnostic: analysis.Diagnostic{Rule: "misplacedDirective", Message: "m"}})
	var out bytes.Buffer
	if err := writeSARIF(&out, Input{Findings: findings, Base: base, Sources: srcs, Analyzers: suite.Analyzers}); err != nil {
		t.Fatal(err)
	}
	doc := validate(t, schema, out.Bytes())
	run := doc["runs"].([]any)[0].(map[string]any)
	root, err := url.Parse(run["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)["uri"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if root.Path != base+"/" {
		t.Errorf("%%SRCROOT%% %q is %q, want %q", root, root.Path, base+"/")
	}
	var got []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if loc, ok := v["artifactLocation"].(map[string]any); ok {
				u, err := url.Parse(loc["uri"].(string))
				if err != nil {
					t.Errorf("%q: %v", loc["uri"], err)
					return
				}
				if loc["uriBaseId"] == "%SRCROOT%" {
					if u.Scheme != "" || u.Host != "" {
						t.Errorf("relative URI %q reads as scheme %q host %q", loc["uri"], u.Scheme, u.Host)
					}
					u = root.ResolveReference(u)
				}
				got = append(got, u.Path)
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(run["results"])
	want := map[string]bool{outside: true}
	for _, n := range names {
		want[filepath.Join(base, n)] = true
	}
	for _, p := range got {
		if !want[p] {
			t.Errorf("an artifact URI gives %q, which is none of the files", p)
		}
	}
	if len(got) != 3*len(names)+1 {
		t.Errorf("%d artifact locations, want %d", len(got), 3*len(names)+1)
	}
	if !strings.Contains(out.String(), `"uri": "x%3Ay/z.ts"`) {
		t.Errorf("':' in a relative path is not encoded:\n%s", out.String())
	}
}
