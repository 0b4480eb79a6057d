package lsp

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestHelpAndVersion(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "help"} {
		out, errOut, code := runCLI(t, arg)
		if code != 0 || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q", arg, code, errOut)
		}
		for _, want := range []string{
			"rscls check [flags] [PATH...]", "rscls graph [flags] [PATH]", "rscls serve [flags]", "rscls version",
			"rscls check flags:", "  -q, --quiet ", "  -v, --verbose ", "  --config FILE ", "  --hints ", "  --fix ",
			"rscls graph flags:", "  --format FORMAT ", "rscls serve flags:", "  --log FILE ", "NO_COLOR", "FORCE_COLOR",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: the help lacks %q:\n%s", arg, want, out)
			}
		}
	}
	// Each command's help, on standard output as a person reads it; a
	// mistake goes to standard error.
	for cmd, want := range map[string]string{
		"check": "Usage: rscls check [flags] [PATH...]",
		"graph": "Usage: rscls graph [flags] [PATH]",
		"serve": "Usage: rscls [serve] [--log FILE]",
	} {
		for _, arg := range []string{"-h", "--help"} {
			out, errOut, code := runCLI(t, cmd, arg)
			if code != 0 || errOut != "" || !strings.HasPrefix(out, want) || !strings.Contains(out, "\nFlags:\n") {
				t.Errorf("rscls %s %s: exit %d, stderr %q, stdout:\n%s", cmd, arg, code, errOut, out)
			}
		}
		out, errOut, code := runCLI(t, cmd, "--no-such-flag")
		if code != 2 || out != "" || !strings.Contains(errOut, want) {
			t.Errorf("rscls %s --no-such-flag: exit %d, stdout %q, stderr:\n%s", cmd, code, out, errOut)
		}
	}
	for _, arg := range []string{"--version", "version"} {
		if out, _, code := runCLI(t, arg); code != 0 || !regexp.MustCompile(`^rscls \S+\n$`).MatchString(out) {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
}

// summaryLine returns the closing line of a check, with the time taken
// left out.
func summaryLine(t *testing.T, stderr string) string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	return regexp.MustCompile(`\d+ ms|\d+\.\d s`).ReplaceAllString(last, "T")
}

func TestSummaryAndHints(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"package.json":         `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx":         "import { Shell } from '../components/shell'\nexport default function P() { return <Shell /> }\n",
		"components/shell.tsx": "'use client'\nimport { Title } from './title'\nexport function Shell() { return <Title /> }\n",
		"components/title.tsx": "'use client'\nexport function Title() { return <h1 /> }\n",
	})
	t.Chdir(dir)
	out, errOut, code := runCLI(t, "check")
	if code != 0 || out != "" {
		t.Errorf("a hint only: exit %d, stdout %q", code, out)
	}
	if got, want := summaryLine(t, errOut), "✓ no problems in 3 files (T) · 1 hint hidden (--hints shows them)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	out, errOut, _ = runCLI(t, "check", "--hints")
	if !strings.Contains(out, "components/title.tsx\n  1:1  hint  unnecessaryUseClient") {
		t.Errorf("--hints does not show the hint:\n%s", out)
	}
	if got, want := summaryLine(t, errOut), "✖ 1 problem (0 errors, 0 warnings, 1 hint) · 3 files in T"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	// Machine formats carry every finding.
	if out, _, _ := runCLI(t, "check", "--format", "json"); !strings.Contains(out, "unnecessaryUseClient") {
		t.Errorf("json lacks the hint:\n%s", out)
	}
	if out, _, _ := runCLI(t, "check", "--format", "github"); out != "" {
		t.Errorf("github shows the hint without --hints:\n%s", out)
	}

	writeFiles(t, dir, map[string]string{
		"lib/actions.ts":         "'use server'\nexport function a() {}\n",
		"rscls.json":             `{"rules": {"serverFileExports": "warn"}}`,
		"components/sidebar.tsx": "import x from 'x'\n'use client'\nexport const y = x\n",
	})
	out, errOut, code = runCLI(t, "check")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if got, want := summaryLine(t, errOut), "✖ 2 problems (1 error, 1 warning) · 1 hint hidden (--hints shows them) · 2 fixable with --fix · 5 files in T"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	out, errOut, _ = runCLI(t, "check", "--quiet")
	if strings.Contains(out, "warning") || !strings.Contains(out, "misplacedDirective") {
		t.Errorf("--quiet shows more or less than the errors:\n%s", out)
	}
	if got, want := summaryLine(t, errOut), "✖ 1 problem (1 error, 0 warnings) · 1 warning, 1 hint hidden (--quiet) · 1 fixable with --fix · 5 files in T"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if out, _, _ := runCLI(t, "check", "-q", "--format", "json"); strings.Contains(out, "serverFileExports") {
		t.Errorf("--quiet keeps a warning in json:\n%s", out)
	}
}

// TestOneCause checks that findings whose message names the same other
// module as their cause are told once, with their places.
func TestOneCause(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"package.json":  `{"dependencies":{"next":"15.0.0"}}`,
		"lib/secret.ts": "import 'server-only'\nexport const key = 1\n",
		"app/page.tsx":  "import { A } from '../components/a'\nimport { B } from '../components/b'\nexport default function P() { return <><A /><B /></> }\n",
	}
	for _, n := range []string{"a", "b"} {
		files["components/"+n+".tsx"] = "'use client'\nimport { key } from '../lib/secret'\nexport function " + strings.ToUpper(n) + "() { return <p>{key}</p> }\n"
	}
	writeFiles(t, dir, files)
	t.Chdir(filepath.Dir(dir))
	out, _, _ := runCLI(t, "check", filepath.Base(dir))
	base := filepath.Base(dir)
	if n := strings.Count(out, "imports \"server-only\""); n != 1 {
		t.Errorf("the cause is told %d times, want once:\n%s", n, out)
	}
	for _, want := range []string{
		"error  serverOnlyInClient in 2 places",
		"(" + base + "/lib/secret.ts imports \"server-only\".)", // relative to the current directory
		"  " + base + "/components/a.tsx:2:21\n",
		"  " + base + "/components/b.tsx:2:21\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if len([]rune(line)) > 160 {
			t.Errorf("line of %d columns: %s", len([]rune(line)), line)
		}
	}
	// The README shows it as it prints in the project's directory.
	t.Chdir(dir)
	out, _, _ = runCLI(t, "check")
	if !strings.Contains(string(readme), "```text\n"+out+"```\n") {
		t.Errorf("README does not show the output as it prints:\n%s", out)
	}
}

// TestSettingsLookup checks that `rscls check apps/web` reads the
// monorepo root's rscls.json as `rscls check .` does, that --config
// replaces the files, and that --verbose says which were read.
func TestSettingsLookup(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"pnpm-workspace.yaml":         "packages:\n  - 'apps/*'\n",
		"package.json":                `{"private": true}`,
		"rscls.json":                  `{"rules": {"serverFileExports": "warn"}}`,
		"apps/web/package.json":       `{"dependencies":{"next":"15.0.0"}}`,
		"apps/web/app/page.tsx":       "export default function P() { return null }\n",
		"apps/web/lib/actions.ts":     "'use server'\nexport const x = 1\n",
		"apps/web/lib/more.ts":        "import a from 'a'\n'use client'\n",
		"apps/web/rscls.json":         `{"rules": {"misplacedDirective": "hint"}}`,
		"other.json":                  `{"rules": {"serverFileExports": "off"}}`,
		"bad.json":                    `{"rules": {"misplacedDirective": 2}, "ignor": []}`,
		"apps/web/components/x.tsx":   "export const y = 1\n",
		"apps/web/components/y.tsx":   "export const z = 1\n",
		"apps/web/components/z/z.tsx": "export const z = 1\n",
	})
	t.Chdir(dir)
	severities := func(args ...string) string {
		out, errOut, code := runCLI(t, append([]string{"check", "--format", "json"}, args...)...)
		if code == 2 {
			t.Fatalf("%v: %s", args, errOut)
		}
		var s []string
		for _, l := range findingLines(t, out) {
			s = append(s, regexp.MustCompile(`^(\S+?):\d+:\d+: (\w+): .*\[(\w+)\]$`).ReplaceAllString(l, "$1 $3 $2"))
		}
		return strings.Join(s, "\n")
	}
	want := "apps/web/lib/actions.ts serverFileExports warning\napps/web/lib/more.ts misplacedDirective hint"
	if got := severities("."); got != want {
		t.Errorf("check .:\n%s\nwant:\n%s", got, want)
	}
	if got := severities("apps/web"); got != want {
		t.Errorf("check apps/web:\n%s\nwant:\n%s", got, want)
	}
	t.Chdir("apps/web")
	if got := severities("lib/actions.ts"); got != "lib/actions.ts serverFileExports warning" {
		t.Errorf("check lib/actions.ts from apps/web: %s", got)
	}
	if got := severities("--config", "../../other.json", "."); got != "lib/more.ts misplacedDirective error" {
		t.Errorf("--config: %s", got)
	}
	_, errOut, code := runCLI(t, "check", "--config", "../../bad.json", ".")
	if code != 2 || !strings.Contains(errOut, `"rules.misplacedDirective" must be a string, not a number`) {
		t.Errorf("a bad --config file: exit %d, %s", code, errOut)
	}
	writeFiles(t, dir, map[string]string{"rscls.json": `{"rules": {}, "ignor": []}`})
	_, errOut, code = runCLI(t, "check", ".")
	if code != 2 || !strings.Contains(errOut, `unknown key "ignor" (did you mean "ignore"?)`) {
		t.Errorf("a bad rscls.json above: exit %d, %s", code, errOut)
	}
	writeFiles(t, dir, map[string]string{"rscls.json": `{"rules": {"serverFileExports": "warn"}}`})
	t.Chdir(dir)
	_, errOut, _ = runCLI(t, "check", "-v", "apps/web")
	for _, want := range []string{
		"rscls: workspace apps/web: 6 files\n",
		"rscls:   settings: rscls.json, apps/web/rscls.json\n",
		"rscls:   app apps/web: app router in apps/web/app; settings: rscls.json, apps/web/rscls.json\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("--verbose lacks %q:\n%s", want, errOut)
		}
	}
}

// TestSameChainOnce checks that findings of one file that share their
// chain of imports print it once.
func TestSameChainOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"package.json":        `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx":        "import { Post } from '../lib/post'\nexport default function P() { return <Post /> }\n",
		"lib/post.tsx":        "import { Like } from '../components/like'\nexport function Post() { return <Like /> }\n",
		"components/like.tsx": "import { useState, useEffect } from 'react'\nexport function Like() { useEffect(() => {}); const [a] = useState(0); return <p>{a}</p> }\n",
	})
	t.Chdir(dir)
	out, _, code := runCLI(t, "check")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if n := strings.Count(out, "lib/post.tsx:1:22 imports components/like.tsx\n"); n != 1 {
		t.Errorf("the chain is printed %d times, want once:\n%s", n, out)
	}
	if !strings.Contains(out, "  1:20  error  clientApiInServer\n") || !strings.Contains(out, "    the same chain of imports as 1:10 above\n") {
		t.Errorf("the second finding does not point to the first's chain:\n%s", out)
	}
}
