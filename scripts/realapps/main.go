// Command realapps runs `rscls check --format json` on every checkout in a
// folder and prints a Markdown table of what it finds: per app, the
// commit, the number of source files, errors and warnings by rule, hints
// by rule, then every error with its file and line, and how many imports
// resolve to no file. docs/real-apps.md is its output on the apps listed
// there.
//
//	go run ./scripts/realapps [-rscls BINARY] DIR
//
// Each subdirectory of DIR is an app. Its commit comes from git when the
// checkout is a repository, else from a COMMIT file in it; its repository
// name (owner/name) from a REPOSITORY file or git's origin.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

type finding struct {
	Path     string `json:"path"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Start    struct {
		Line int `json:"line"`
	} `json:"start"`
}

type app struct {
	name, repo, commit string
	files              int
	findings           []finding
	notes              string // what rscls printed on standard error
	seconds            float64
	failed             string // why the run produced no findings list
}

func main() {
	bin := flag.String("rscls", "", "rscls binary (default: build ./cmd/lsp/rscls into a temporary directory)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: realapps [-rscls BINARY] DIR\n\nRuns rscls check on each app checkout in DIR and prints a Markdown report.\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*bin, flag.Arg(0)); err != nil {
		fmt.Fprintf(os.Stderr, "realapps: %v\n", err)
		os.Exit(1)
	}
}

func run(bin, dir string) error {
	if bin == "" {
		tmp, err := os.MkdirTemp("", "realapps")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		bin = filepath.Join(tmp, "rscls")
		build := exec.Command("go", "build", "-o", bin, "./cmd/lsp/rscls")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building rscls (run from the repository root, or pass -rscls): %v", err)
		}
	}
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var apps []*app
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		root := filepath.Join(dir, e.Name())
		a := &app{name: e.Name(), commit: commitOf(root), repo: repositoryOf(root), files: countSources(root)}
		fmt.Fprintf(os.Stderr, "realapps: %s ...\n", a.name)
		check(bin, root, a)
		apps = append(apps, a)
	}
	if len(apps) == 0 {
		return fmt.Errorf("no app directories in %s", dir)
	}
	version, _ := exec.Command(bin, "version").Output()
	report(os.Stdout, apps, strings.TrimSpace(string(version)))
	return nil
}

// check runs rscls on the app; the exit status is 1 when errors were
// found, which is not a failure of the run.
func check(bin, root string, a *app) {
	cmd := exec.Command(bin, "check", "--format", "json", ".")
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	a.seconds = time.Since(start).Seconds()
	a.notes = stderr.String()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		a.failed = fmt.Sprintf("rscls check: %v: %s", err, firstLine(stderr.String()))
		return
	}
	if err := json.Unmarshal(stdout.Bytes(), &a.findings); err != nil {
		a.failed = fmt.Sprintf("reading rscls's JSON: %v", err)
	}
}

func commitOf(root string) string {
	if out, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output(); err == nil {
		return strings.TrimSpace(string(out))
	}
	if data, err := os.ReadFile(filepath.Join(root, "COMMIT")); err == nil {
		if s := strings.TrimSpace(string(data)); s != "" {
			return s
		}
	}
	return "unknown"
}

func repositoryOf(root string) string {
	if data, err := os.ReadFile(filepath.Join(root, "REPOSITORY")); err == nil {
		if s := strings.TrimSpace(string(data)); s != "" {
			return s
		}
	}
	if out, err := exec.Command("git", "-C", root, "remote", "get-url", "origin").Output(); err == nil {
		s := strings.TrimSuffix(strings.TrimSpace(string(out)), ".git")
		parts := strings.Split(strings.ReplaceAll(s, ":", "/"), "/")
		if len(parts) >= 2 {
			return parts[len(parts)-2] + "/" + parts[len(parts)-1]
		}
	}
	return ""
}

// skipped are the directories rscls check does not look into.
var skipped = map[string]bool{"node_modules": true, ".next": true, "dist": true, "build": true, "out": true, ".git": true}

var sourceExt = map[string]bool{".js": true, ".jsx": true, ".ts": true, ".tsx": true, ".mjs": true, ".cjs": true, ".mts": true, ".cts": true}

// countSources counts the JavaScript and TypeScript files rscls would read.
func countSources(root string) int {
	n := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != root && skipped[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && sourceExt[filepath.Ext(d.Name())] && !strings.HasSuffix(d.Name(), ".d.ts") {
			n++
		}
		return nil
	})
	return n
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

var causeRE = regexp.MustCompile(`\(([^()]+ imports "[^"]+")\.?\)`)

// cause picks the module and import a graph finding blames, when its
// message names them, to tell apart errors of one rule.
func cause(message string) string {
	if m := causeRE.FindStringSubmatch(message); m != nil {
		return ": " + m[1]
	}
	return ""
}

func byRule(fs []finding, severity string) string {
	counts := map[string]int{}
	for _, f := range fs {
		if f.Severity == severity {
			counts[f.Rule]++
		}
	}
	if len(counts) == 0 {
		return ""
	}
	var rules []string
	for r := range counts {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var parts []string
	for _, r := range rules {
		parts = append(parts, fmt.Sprintf("%s %d", r, counts[r]))
	}
	return strings.Join(parts, ", ")
}

func count(fs []finding, severity string) int {
	n := 0
	for _, f := range fs {
		if f.Severity == severity {
			n++
		}
	}
	return n
}

func report(w *os.File, apps []*app, version string) {
	fmt.Fprintf(w, "rscls: %s\n\n", version)
	fmt.Fprintln(w, "| app | repository | commit | files | errors | warnings | hints |")
	fmt.Fprintln(w, "|---|---|---|---:|---|---|---|")
	total := map[string]int{}
	for _, a := range apps {
		if a.failed != "" {
			fmt.Fprintf(w, "| %s | %s | %s | %d | run failed: %s | | |\n", a.name, a.repo, a.commit, a.files, a.failed)
			continue
		}
		cell := func(sev string) string {
			n := count(a.findings, sev)
			total[sev] += n
			if n == 0 {
				return "0"
			}
			return fmt.Sprintf("%d (%s)", n, byRule(a.findings, sev))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %d | %s | %s | %s |\n", a.name, a.repo, a.commit, a.files, cell("error"), cell("warning"), cell("hint"))
	}
	fmt.Fprintf(w, "\nTotal: %d errors, %d warnings, %d hints.\n", total["error"], total["warning"], total["hint"])
	fmt.Fprintln(w, "\n### Every error")
	fmt.Fprintln(w)
	any := false
	for _, a := range apps {
		for _, f := range a.findings {
			if f.Severity != "error" {
				continue
			}
			any = true
			fmt.Fprintf(w, "- %s `%s:%d` %s%s\n", a.name, filepath.ToSlash(f.Path), f.Start.Line, f.Rule, cause(f.Message))
		}
	}
	if !any {
		fmt.Fprintln(w, "None.")
	}
	fmt.Fprintln(w, "\n### Unresolved imports")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Imports of the app's own code that resolve to no file (checkouts are not installed, so most are packages): nothing past them is checked.")
	fmt.Fprintln(w)
	for _, a := range apps {
		if m := unresolvedRE.FindStringSubmatch(a.notes); m != nil {
			fmt.Fprintf(w, "- %s: %s (%s)\n", a.name, m[1], m[2])
		} else if a.failed == "" {
			fmt.Fprintf(w, "- %s: 0\n", a.name)
		}
	}
}

// unresolvedRE reads the note of rscls check on imports that resolve to
// no file: how many, and how many of each cause.
var unresolvedRE = regexp.MustCompile(`note: (\d+) imports? resolves? to no file, so nothing past them is checked \(([^)]*)\)`)
