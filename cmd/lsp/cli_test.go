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
	// A mistyped flag names the one meant; a flag like no other, none.
	for args, want := range map[string]string{
		"check --hint":      "flag provided but not defined: -hint (did you mean --hints?)\n",
		"check -quite":      "flag provided but not defined: -quite (did you mean --quiet?)\n",
		"graph --focuss=x":  "flag provided but not defined: -focuss (did you mean --focus?)\n",
		"check --zzzzzzzzz": "flag provided but not defined: -zzzzzzzzz\nUsage: rscls check",
	} {
		_, errOut, code := runCLI(t, strings.Fields(args)...)
		if code != 2 || !strings.HasPrefix(errOut, want) {
			t.Errorf("rscls %s: exit %d, stderr:\n%s", args, code, errOut)
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
	// An installed package is reported at each import of it, the module
	// of the package that imports client-only named as the cause.
	files := map[string]string{
		"package.json":                        `{"dependencies":{"next":"15.0.0","theme-kit":"1.0.0"}}`,
		"node_modules/theme-kit/package.json": `{"name":"theme-kit","main":"index.js"}`,
		"node_modules/theme-kit/index.js":     "import 'client-only'\nexport const theme = 'dark'\n",
		"app/layout.tsx":                      "export default function L({ children }) { return <html><body>{children}</body></html> }\n",
	}
	for _, page := range []string{"app/page.tsx", "app/about/page.tsx"} {
		files[page] = "import { theme } from 'theme-kit'\nexport default function P() { return <p>{theme}</p> }\n"
	}
	writeFiles(t, dir, files)
	t.Chdir(filepath.Dir(dir))
	out, _, _ := runCLI(t, "check", filepath.Base(dir))
	base := filepath.Base(dir)
	if n := strings.Count(out, "imports \"client-only\""); n != 1 {
		t.Errorf("the cause is told %d times, want once:\n%s", n, out)
	}
	for _, want := range []string{
		"error  clientModuleInServer in 2 places",
		"(" + base + "/node_modules/theme-kit/index.js imports \"client-only\".)", // relative to the current directory
		"  " + base + "/app/about/page.tsx:1:23\n",
		"  " + base + "/app/page.tsx:1:23\n",
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

// TestSameChainOnce checks that a chain of imports is printed once: a
// finding whose chain was printed points to it, one whose chain starts as
// one printed points to that and prints the rest.
func TestSameChainOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"package.json":         `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx":         "import { Feed } from '../lib/feed'\nexport default function P() { return <Feed /> }\n",
		"lib/feed.tsx":         "import { Post } from './post'\nexport function Feed() { return <Post /> }\n",
		"lib/post.tsx":         "import { Like } from '../components/like'\nimport { Share } from '../components/share'\nexport function Post() { return <><Like /><Share /></> }\n",
		"components/like.tsx":  "import { useState, useEffect } from 'react'\nexport function Like() { useEffect(() => {}); const [a] = useState(0); return <p>{a}</p> }\n",
		"components/share.tsx": "import { useState } from 'react'\nexport function Share() { const [a] = useState(0); return <p>{a}</p> }\n",
	})
	t.Chdir(dir)
	out, _, code := runCLI(t, "check")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := `components/like.tsx
  1:10  error  clientApiInServer
    You're importing a module that depends on ` + "`useState`" + ` into a React Server Component module. This
    API is only available in Client Components. To fix, mark the file (or its parent) with the ` + "`\"use" + `
    client"` + "`" + ` directive.
    1 │ import { useState, useEffect } from 'react'
      │          ^^^^^^^^
    app/page.tsx:1:1 is a Server Component (page)
    app/page.tsx:1:22 imports lib/feed.tsx
    lib/feed.tsx:1:22 imports lib/post.tsx
    lib/post.tsx:1:22 imports components/like.tsx
    fix to review: Add "use client" to the top of the file — it moves the module, and what it
    imports, to the client
    docs: https://nextjs.org/docs/app/api-reference/directives/use-client
  1:20  error  clientApiInServer
    You're importing a module that depends on ` + "`useEffect`" + ` into a React Server Component module. This
    API is only available in Client Components. To fix, mark the file (or its parent) with the ` + "`\"use" + `
    client"` + "`" + ` directive.
    1 │ import { useState, useEffect } from 'react'
      │                    ^^^^^^^^^
    the same chain of imports as 1:10 above
    fix to review: Add "use client" to the top of the file — it moves the module, and what it
    imports, to the client
    docs: https://nextjs.org/docs/app/api-reference/directives/use-client

components/share.tsx
  1:10  error  clientApiInServer
    You're importing a module that depends on ` + "`useState`" + ` into a React Server Component module. This
    API is only available in Client Components. To fix, mark the file (or its parent) with the ` + "`\"use" + `
    client"` + "`" + ` directive.
    1 │ import { useState } from 'react'
      │          ^^^^^^^^
    … as the chain of imports of components/like.tsx:1:10 above, then
    lib/post.tsx:2:23 imports components/share.tsx
    fix to review: Add "use client" to the top of the file — it moves the module, and what it
    imports, to the client
    docs: https://nextjs.org/docs/app/api-reference/directives/use-client
`
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}
