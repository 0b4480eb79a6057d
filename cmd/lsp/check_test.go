package lsp

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs the command in the repository root, as a user would, with
// a cache directory of its own.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Setenv("RSCLS_CACHE_DIR", filepath.Join(t.TempDir(), "cache"))
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("cmd", "lsp", "testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/lsp -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func TestCheckFormats(t *testing.T) {
	t.Chdir("../..")
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := runCLI(t, "check", "--format", format, "testdata/example")
			if code != 1 {
				t.Errorf("exit %d, want 1 (the example has errors); stderr: %s", code, errOut)
			}
			out = strings.ReplaceAll(out, mustAbs(t, "."), "ROOT")
			golden(t, "check."+format+".golden", out)
			if format == "text" {
				readmeShowsOutput(t, out, errOut)
			}
			if format == "json" || format == "sarif" {
				var v any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("output is not JSON: %v", err)
				}
			}
		})
	}
}

// readmeShowsOutput checks that the README shows the example's output as
// it prints: the lines before "..." are a part of standard output, the
// closing line is standard error's but for the time taken.
func readmeShowsOutput(t *testing.T, stdout, stderr string) {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "go run ./cmd/lsp/rscls check testdata/example\n```\n")
	_, after, ok2 := strings.Cut(after, "```text\n")
	shown, _, ok3 := strings.Cut(after, "```\n")
	part, closing, ok4 := strings.Cut(shown, "...\n")
	if !ok || !ok2 || !ok3 || !ok4 {
		t.Fatal("README: no example output after the command that runs the example")
	}
	if !strings.Contains(stdout, part) {
		t.Errorf("README shows output that rscls check does not print:\n%s", part)
	}
	timeTaken := regexp.MustCompile(`in [0-9.,]+ m?s\n`)
	wantClosing := timeTaken.ReplaceAllString(strings.TrimPrefix(stderr, "\n"), "in T\n") + "exit status 1\n"
	if got := timeTaken.ReplaceAllString(closing, "in T\n"); got != wantClosing {
		t.Errorf("README shows the closing lines\n%s\nrscls check prints\n%s", got, wantClosing)
	}
}

// oneLine joins the lines of text the text format wraps.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// findingLines renders the findings of a JSON report one a line, as
// "path:line:col: severity: message [rule]".
func findingLines(t *testing.T, jsonOut string) []string {
	t.Helper()
	var fs []struct {
		Path, Rule, Severity, Message string
		Start                         struct{ Line, Column int }
	}
	if err := json.Unmarshal([]byte(jsonOut), &fs); err != nil {
		t.Fatalf("%v:\n%s", err, jsonOut)
	}
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.Path, f.Start.Line, f.Start.Column, f.Severity, f.Message, f.Rule))
	}
	return out
}

func mustAbs(t *testing.T, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestCheckExitCodes(t *testing.T) {
	t.Chdir("../..")
	clean := t.TempDir()
	writeFiles(t, clean, map[string]string{
		"package.json":   `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx":   "export default function Page() { return null }\n",
		"lib/actions.ts": "'use server'\nexport async function a() {}\n",
	})
	if out, errOut, code := runCLI(t, "check", clean); code != 0 || out != "" {
		t.Errorf("clean project: exit %d, out %q, err %q", code, out, errOut)
	}
	if _, errOut, code := runCLI(t, "check", "--format", "xml", clean); code != 2 || !strings.Contains(errOut, `unknown format "xml"`) {
		t.Errorf("bad format: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "check", filepath.Join(clean, "missing")); code != 2 || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing path: exit %d, %q", code, errOut)
	}
	if _, _, code := runCLI(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	writeFiles(t, clean, map[string]string{"rscls.json": `{"rulez": {}}`})
	if _, errOut, code := runCLI(t, "check", clean); code != 2 || !strings.Contains(errOut, `unknown key "rulez"`) {
		t.Errorf("bad rscls.json: exit %d, %q", code, errOut)
	}
	if out, _, code := runCLI(t, "version"); code != 0 || !strings.HasPrefix(out, "rscls ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestCheckOneFile(t *testing.T) {
	t.Chdir("../..")
	out, _, code := runCLI(t, "check", "testdata/example/lib/actions.ts")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Contains(line, ": error: ") && !strings.HasPrefix(line, "testdata/example/lib/actions.ts:") {
			t.Errorf("finding from another file: %s", line)
		}
	}
	if !strings.Contains(out, "Server Actions must be async functions.") {
		t.Errorf("missing finding in %s", out)
	}
}

func TestCheckFix(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, map[string]string{
		"package.json":           `{"dependencies":{"next":"15.0.0"}}`,
		"app/error.tsx":          "export default function E() { return null }\n",
		"app/x/error.tsx":        "import { useEffect } from \"react\";\n\nexport default function E() {\n  useEffect(() => {});\n  return null;\n}\n",
		"app/page.tsx":           "import { Counter } from '../components/counter'\nexport default function P() { return <Counter /> }\n",
		"components/counter.tsx": "import { useState } from 'react'\nexport function Counter() { useState(0); return null }\n",
		"lib/actions.ts":         "'use server'\nexport function a() {}\nexport const b = 1\n",
		"components/late.tsx":    "import x from 'x'\n'use client'\nexport const y = x\n",
		"lib/conflict.ts":        "'use client'\n'use server'\n",
	})
	before := map[string]string{}
	for _, f := range []string{"components/counter.tsx", "lib/conflict.ts"} {
		b, _ := os.ReadFile(f)
		before[f] = string(b)
	}
	jsonBefore, _, _ := runCLI(t, "check", "--format", "json", ".")
	var fs []struct{ Path, Rule, FixStatus, FixNote string }
	if err := json.Unmarshal([]byte(jsonBefore), &fs); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, f := range fs {
		if f.FixStatus != "" {
			status[f.Path+" "+f.Rule] = f.FixStatus + " " + f.FixNote
		}
	}
	for k, want := range map[string]string{
		"app/error.tsx errorBoundaryClient":        "fixable ",
		"components/counter.tsx clientApiInServer": "needsReview it moves the module, and what it imports, to the client",
		"lib/conflict.ts conflictingDirectives":    "needsReview 2 ways to fix it: choose one",
		"lib/actions.ts serverFileExports":         "fixable ",
	} {
		if status[k] != want {
			t.Errorf("before --fix, %s: fix status %q, want %q", k, status[k], want)
		}
	}

	out, errOut, code := runCLI(t, "check", "--fix", ".")
	if code != 1 {
		t.Errorf("exit %d: findings without a single fix remain", code)
	}
	for _, want := range []string{
		"fixed 4 problems:\n",
		"  app/error.tsx:1:1  errorBoundaryClient  Add \"use client\" at the top of the file\n",
		"  app/x/error.tsx:1:1  errorBoundaryClient  Add \"use client\" at the top of the file\n",
		"  components/late.tsx:2:1  misplacedDirective  Move the directive to the top of the file\n",
		"  lib/actions.ts:2:17  serverFileExports  Make the function async\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	for _, want := range []string{
		"fix to review: Add \"use client\" to the top of the file — it moves the module, and what it imports, to the client",
		"2 ways to fix it: choose one",
	} {
		if !strings.Contains(oneLine(out), want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	for file, want := range map[string]string{
		"app/error.tsx": "'use client'\n\nexport default function E() { return null }\n",
		// The file's quotes and semicolons.
		"app/x/error.tsx":        "\"use client\";\n\nimport { useEffect } from \"react\";\n\nexport default function E() {\n  useEffect(() => {});\n  return null;\n}\n",
		"lib/actions.ts":         "'use server'\nexport async function a() {}\nexport const b = 1\n",
		"components/late.tsx":    "'use client'\nimport x from 'x'\nexport const y = x\n",
		"lib/conflict.ts":        before["lib/conflict.ts"],        // two alternative fixes: left alone
		"components/counter.tsx": before["components/counter.tsx"], // needs review: left alone
	} {
		got, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s:\n%s\nwant:\n%s", file, got, want)
		}
	}

	// JSON says the same: what was fixed (where it was) and what remains.
	writeFiles(t, dir, map[string]string{"lib/more.ts": "'use server'\nexport function c() {}\n"})
	jsonOut, _, _ := runCLI(t, "check", "--fix", "--format", "json", ".")
	fs = nil
	if err := json.Unmarshal([]byte(jsonOut), &fs); err != nil {
		t.Fatal(err)
	}
	var fixed, review []string
	for _, f := range fs {
		switch f.FixStatus {
		case "fixed":
			fixed = append(fixed, f.Path+" "+f.Rule)
		case "needsReview":
			review = append(review, f.Path+" "+f.Rule)
		}
	}
	if strings.Join(fixed, ",") != "lib/more.ts serverFileExports" || strings.Join(review, ",") != "components/counter.tsx clientApiInServer,lib/conflict.ts conflictingDirectives" {
		t.Errorf("JSON after --fix: fixed %q, to review %q\n%s", fixed, review, jsonOut)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBinary builds the real binary and runs it, as CI and the README do.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	// go install names the binary after its package's directory: rscls.
	target, err := exec.Command("go", "list", "-f", "{{.Target}}", "./rscls").Output()
	if err != nil {
		t.Fatal(err)
	}
	if name := strings.TrimSuffix(filepath.Base(strings.TrimSpace(string(target))), ".exe"); name != "rscls" {
		t.Errorf("go install would name the binary %q", name)
	}
	// The version is stamped as scripts/build-binaries.sh does it.
	bin := filepath.Join(t.TempDir(), "rscls")
	build := exec.Command("go", "build", "-ldflags", "-X github.com/rscls/rscls/cmd/lsp.version=1.2.3-test", "-o", bin, "./rscls")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "version").Output(); err != nil || string(out) != "rscls 1.2.3-test\n" {
		t.Errorf("rscls version: %q, %v", out, err)
	}
	cmd := exec.Command(bin, "check", "testdata/example")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v", err)
	}
	if !strings.Contains(string(out), "misplacedDirective") || strings.Contains(string(out), "\x1b[") {
		t.Errorf("output lacks findings:\n%s", out)
	}
}
