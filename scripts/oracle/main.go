// Command oracle records what `next build` says of each case in
// testdata/oracle: it installs Next.js 15.5 (the newest patch) and 16 from
// npm into a cache directory outside the repository, builds every case in
// each configuration of oracle.Configs, and writes the case's .verdict
// file. `make oracle` runs it; testdata/oracle/README.md says how.
//
// Environment:
//
//	RSCLS_ORACLE_CACHE  where the installs and logs go (default ~/.cache/rscls-oracle)
//	ORACLE_NEXT15       npm version spec for Next.js 15 (default ~15.5.0: the newest 15.5 patch)
//	ORACLE_NEXT16       npm version spec for Next.js 16 (default 16.5.0)
//	ORACLE_REINSTALL=1  reinstall even when an install is there
//	ORACLE_KEEP=1       keep each built case directory (for debugging)
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/rscls/rscls/internal/oracle"
)

// The other packages of each install. Type checking is part of
// `next build`; without typescript and the @types packages Next.js would
// try to install them itself.
var companions = []string{
	"react@^19", "react-dom@^19",
	"typescript@~5.9", "@types/react@^19", "@types/react-dom@^19", "@types/node@^22",
}

const buildTimeout = 10 * time.Minute

func main() {
	dir := flag.String("dir", "testdata/oracle", "directory of the cases")
	cases := flag.String("cases", "", "comma-separated case names (default: all)")
	configs := flag.String("configs", "", "comma-separated configurations (default: all of "+configNames()+")")
	missing := flag.Bool("missing", false, "only the cases that have no verdict yet")
	reextract := flag.Bool("reextract", false, "rebuild nothing: read each failed build's error again from its log (after a change to the extraction)")
	flag.Parse()
	if *reextract {
		if err := reextractAll(*dir, split(*cases)); err != nil {
			fmt.Fprintf(os.Stderr, "oracle: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*dir, split(*cases), split(*configs), *missing); err != nil {
		fmt.Fprintf(os.Stderr, "oracle: %v\n", err)
		os.Exit(1)
	}
}

// reextractAll rereads the first error of every recorded failure from
// the build's log in the cache.
func reextractAll(dir string, only []string) error {
	all, err := oracle.LoadCases(dir)
	if err != nil {
		return err
	}
	logs := filepath.Join(cacheDir(), "logs")
	for _, c := range all {
		if len(only) > 0 && !contains(only, c.Name) {
			continue
		}
		v, err := oracle.ReadVerdict(c.VerdictPath())
		if err != nil {
			continue
		}
		changed := false
		for _, cfg := range oracle.Configs {
			r := v.Results[cfg.Name]
			if r.Pass {
				continue
			}
			out, err := os.ReadFile(filepath.Join(logs, c.Name+"."+cfg.Name+".log"))
			if err != nil {
				return fmt.Errorf("%s %s: %v", c.Name, cfg.Name, err)
			}
			msg := oracle.FirstError(string(out), filepath.Join(cacheDir(), "next"+cfg.Major, "cases", c.Name))
			if msg == "" {
				return fmt.Errorf("%s %s: no error recognised in the log", c.Name, cfg.Name)
			}
			if msg != r.Error {
				fmt.Fprintf(os.Stderr, "oracle: %s %s: FAIL %s\n", c.Name, cfg.Name, msg)
				v.Results[cfg.Name] = oracle.Result{Error: msg}
				changed = true
			}
		}
		if changed {
			if err := os.WriteFile(c.VerdictPath(), []byte(v.Format(c.Name)), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func cacheDir() string {
	cache := os.Getenv("RSCLS_ORACLE_CACHE")
	if cache == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ".rscls-oracle"
		}
		cache = filepath.Join(home, ".cache", "rscls-oracle")
	}
	if abs, err := filepath.Abs(cache); err == nil {
		return abs
	}
	return cache
}

func configNames() string {
	var names []string
	for _, c := range oracle.Configs {
		names = append(names, c.Name)
	}
	return strings.Join(names, ",")
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

type install struct {
	major string
	spec  string // npm spec for next
	dir   string
	next  string // installed next version
	node  string // path of next's bin
}

func run(dir string, only, onlyConfigs []string, missing bool) error {
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is not on PATH: the oracle builds the cases with Next.js, installed from npm (Node.js 20.9 or later)", tool)
		}
	}
	all, err := oracle.LoadCases(dir)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return fmt.Errorf("no cases in %s", dir)
	}
	selected := all
	if len(only) > 0 {
		byName := map[string]*oracle.Case{}
		for _, c := range all {
			byName[c.Name] = c
		}
		selected = nil
		for _, n := range only {
			c, ok := byName[strings.TrimSuffix(n, ".txtar")]
			if !ok {
				return fmt.Errorf("no case %q in %s", n, dir)
			}
			selected = append(selected, c)
		}
	}
	if missing {
		var todo []*oracle.Case
		for _, c := range selected {
			if _, err := os.Stat(c.VerdictPath()); err != nil {
				todo = append(todo, c)
			}
		}
		selected = todo
		if len(selected) == 0 {
			fmt.Fprintln(os.Stderr, "oracle: every case has a verdict")
			return nil
		}
	}
	configs := oracle.Configs
	if len(onlyConfigs) > 0 {
		// A partial run keeps the recorded results of the other configurations.
		configs = nil
		for _, n := range onlyConfigs {
			found := false
			for _, c := range oracle.Configs {
				if c.Name == n {
					configs, found = append(configs, c), true
				}
			}
			if !found {
				return fmt.Errorf("no configuration %q (have %s)", n, configNames())
			}
		}
	}

	cache := cacheDir()
	installs := map[string]*install{
		"15": {major: "15", spec: envOr("ORACLE_NEXT15", "~15.5.0")},
		"16": {major: "16", spec: envOr("ORACLE_NEXT16", "16.5.0")},
	}
	var versions []string
	for _, major := range []string{"15", "16"} {
		in := installs[major]
		in.dir = filepath.Join(cache, "next"+major)
		if err := ensureInstalled(in); err != nil {
			return err
		}
		versions = append(versions, describe(in))
	}
	nodeVersion, _ := exec.Command("node", "--version").Output()
	versionLine := strings.Join(versions, "; ") + "; node " + strings.TrimSpace(string(nodeVersion))
	fmt.Fprintf(os.Stderr, "oracle: %s\n", versionLine)

	logs := filepath.Join(cache, "logs")
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return err
	}
	var broken []string
	for _, c := range selected {
		v := &oracle.Verdict{Versions: versionLine, Results: map[string]oracle.Result{}}
		if len(configs) < len(oracle.Configs) {
			if old, err := oracle.ReadVerdict(c.VerdictPath()); err == nil {
				v.Results = old.Results
				if old.Versions != versionLine {
					v.Versions = "mixed: " + versionLine + " (only " + strings.Join(onlyConfigs, ",") + "; before: " + old.Versions + ")"
				}
			}
		}
		ok := true
		for _, cfg := range configs {
			start := time.Now()
			res, logFile, err := build(c, cfg, installs[cfg.Major], logs)
			if err != nil {
				fmt.Fprintf(os.Stderr, "oracle: %s %s: %v (log: %s)\n", c.Name, cfg.Name, err, logFile)
				broken = append(broken, c.Name+" "+cfg.Name)
				ok = false
				break
			}
			fmt.Fprintf(os.Stderr, "oracle: %s %s: %s (%.0fs)\n", c.Name, cfg.Name, res, time.Since(start).Seconds())
			if !res.Pass && suspicious(res.Error) && !strings.Contains(c.Comment, "expect-build-error") {
				fmt.Fprintf(os.Stderr, "oracle: %s %s: check this failure belongs to the shape (log: %s)\n", c.Name, cfg.Name, logFile)
			}
			v.Results[cfg.Name] = res
		}
		if !ok {
			continue
		}
		if err := os.WriteFile(c.VerdictPath(), []byte(v.Format(c.Name)), 0o644); err != nil {
			return err
		}
	}
	if len(broken) > 0 {
		return fmt.Errorf("no verdict recorded for %d build(s), which failed without a compiler error: %s", len(broken), strings.Join(broken, "; "))
	}
	return nil
}

// suspicious says whether a failure often means a broken case rather than
// the shape under test: a missing file or a type error.
func suspicious(msg string) bool {
	return strings.Contains(msg, "Module not found") || strings.Contains(msg, "Type error") || strings.Contains(msg, "Cannot find module")
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// ensureInstalled installs next and its companions into in.dir with npm,
// unless a complete install is there.
func ensureInstalled(in *install) error {
	// The marker holds the spec it was installed for: another spec reinstalls.
	marker := filepath.Join(in.dir, ".complete")
	if done, err := os.ReadFile(marker); err != nil || string(done) != in.spec || os.Getenv("ORACLE_REINSTALL") == "1" {
		fmt.Fprintf(os.Stderr, "oracle: installing next@%s into %s\n", in.spec, in.dir)
		if err := os.RemoveAll(filepath.Join(in.dir, "node_modules")); err != nil {
			return err
		}
		os.Remove(filepath.Join(in.dir, "package-lock.json"))
		if err := os.MkdirAll(in.dir, 0o755); err != nil {
			return err
		}
		// The lockfile written here also makes this directory Turbopack's
		// root, so the cases built under it are inside the root.
		if err := os.WriteFile(filepath.Join(in.dir, "package.json"), []byte("{\"private\": true}\n"), 0o644); err != nil {
			return err
		}
		args := append([]string{"install", "--no-audit", "--no-fund", "--save-exact", "--loglevel=error", "next@" + in.spec}, companions...)
		cmd := exec.Command("npm", args...)
		cmd.Dir = in.dir
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm install in %s: %v", in.dir, err)
		}
		if err := os.WriteFile(marker, []byte(in.spec), 0o644); err != nil {
			return err
		}
	}
	in.next = packageVersion(in.dir, "next")
	if in.next == "" {
		return fmt.Errorf("%s: next is not installed (remove the directory or set ORACLE_REINSTALL=1)", in.dir)
	}
	in.node = filepath.Join(in.dir, "node_modules", "next", "dist", "bin", "next")
	return nil
}

func packageVersion(dir, name string) string {
	data, err := os.ReadFile(filepath.Join(dir, "node_modules", filepath.FromSlash(name), "package.json"))
	if err != nil {
		return ""
	}
	var pkg struct{ Version string }
	if json.Unmarshal(data, &pkg) != nil {
		return ""
	}
	return pkg.Version
}

func describe(in *install) string {
	parts := []string{"next " + in.next}
	for _, name := range []string{"react", "react-dom", "typescript", "@types/react"} {
		parts = append(parts, name+" "+packageVersion(in.dir, name))
	}
	return strings.Join(parts, " ")
}

// runNext runs next in its own process group, so that a build that
// times out is ended with every worker it started.
func runNext(in *install, cfg oracle.Config, caseDir string) (out []byte, timedOut bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", append([]string{in.node}, cfg.Args...)...)
	cmd.Dir = caseDir
	cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1", "NO_COLOR=1", "FORCE_COLOR=0")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	out, err = cmd.CombinedOutput()
	return out, ctx.Err() != nil, err
}

// build materialises the case under the install directory (so that node
// resolution finds next there, and Turbopack, whose root is that
// directory, accepts every file), runs next build, and reads its verdict.
// The case's own files, next.config included, are used as they are.
func build(c *oracle.Case, cfg oracle.Config, in *install, logs string) (oracle.Result, string, error) {
	caseDir := filepath.Join(in.dir, "cases", c.Name)
	logFile := filepath.Join(logs, c.Name+"."+cfg.Name+".log")
	if err := os.RemoveAll(caseDir); err != nil {
		return oracle.Result{}, logFile, err
	}
	if err := c.Materialise(caseDir); err != nil {
		return oracle.Result{}, logFile, err
	}
	if os.Getenv("ORACLE_KEEP") != "1" {
		defer os.RemoveAll(caseDir)
	}
	out, timedOut, err := runNext(in, cfg, caseDir)
	if timedOut {
		// A build that hangs (seen with Turbopack on a loaded machine) is
		// tried once more from a clean directory before giving up.
		fmt.Fprintf(os.Stderr, "oracle: %s %s: timed out after %s; trying again\n", c.Name, cfg.Name, buildTimeout)
		if rerr := os.RemoveAll(caseDir); rerr != nil {
			return oracle.Result{}, logFile, rerr
		}
		if merr := c.Materialise(caseDir); merr != nil {
			return oracle.Result{}, logFile, merr
		}
		out, timedOut, err = runNext(in, cfg, caseDir)
	}
	if werr := os.WriteFile(logFile, out, 0o644); werr != nil {
		return oracle.Result{}, logFile, werr
	}
	if timedOut {
		return oracle.Result{}, logFile, fmt.Errorf("build timed out twice after %s", buildTimeout)
	}
	if err == nil {
		return oracle.Result{Pass: true}, logFile, nil
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return oracle.Result{}, logFile, err
	}
	msg := oracle.FirstError(string(out), caseDir)
	if msg == "" {
		return oracle.Result{}, logFile, fmt.Errorf("next build exited %d with no error this harness recognises", exit.ExitCode())
	}
	return oracle.Result{Error: msg}, logFile, nil
}
