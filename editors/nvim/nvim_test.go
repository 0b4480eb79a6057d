//go:build nvim

// Package nvim_test runs the Neovim support in editors/nvim in a real,
// headless Neovim against the rscls binary built from this repository:
//
//	go test -tags nvim ./editors/nvim/...   (or: make test-nvim)
//
// The Lua scripts in test/ do the checking; each check they report becomes
// a subtest here. The tests need nvim (0.7 or later) on PATH: on Debian,
// apt-get install neovim. Without the nvim build tag the package is empty,
// so go test ./... does not need Neovim.
package nvim_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// bin is the rscls binary TestMain builds.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rscls-nvim-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "rscls")
	build := exec.Command("go", "build", "-o", bin, "./cmd/lsp/rscls")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build ./cmd/lsp/rscls: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// nvim returns the path of nvim, failing the test when there is none or
// it is older than 0.7.
func nvim(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("nvim")
	if err != nil {
		t.Fatalf("nvim is not on PATH. These tests drive a real Neovim: install it " +
			"(Debian: apt-get install -y neovim; any Neovim 0.7 or later), " +
			"or run go test without -tags nvim to leave them out.")
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", path, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	m := regexp.MustCompile(`^NVIM v(\d+)\.(\d+)`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("%s --version: unexpected output %q", path, first)
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	if major == 0 && minor < 7 {
		t.Fatalf("%s is %s; editors/nvim needs Neovim 0.7 or later", path, first)
	}
	t.Logf("%s: %s", path, first)
	return path
}

// project copies the fixtures to a temporary directory and returns the
// copies of testdata/nvim/app and testdata/nvim/monorepo.
func project(t *testing.T) (app, mono string) {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	app = filepath.Join(root, "app")
	mono = filepath.Join(root, "monorepo")
	for dst, src := range map[string]string{app: "app", mono: "monorepo"} {
		if err := os.CopyFS(dst, os.DirFS(filepath.Join("..", "..", "testdata", "nvim", src))); err != nil {
			t.Fatal(err)
		}
	}
	return app, mono
}

// result is one line the Lua harness wrote.
type result struct {
	status, name, detail string
}

// run runs a script of test/ in a headless Neovim started in the app's
// directory, then turns the checks it reports into subtests.
func run(t *testing.T, script string) {
	nvimPath := nvim(t)
	app, mono := project(t)
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	resultFile := filepath.Join(home, "result")
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "RSCLS_") && !strings.HasPrefix(kv, "XDG_") && !strings.HasPrefix(kv, "NVIM") {
			env = append(env, kv)
		}
	}
	env = append(env,
		"RSCLS_NVIM_DIR="+dir,
		"RSCLS_PATH="+bin,
		"RSCLS_E2E_APP="+app,
		"RSCLS_E2E_MONOREPO="+mono,
		"RSCLS_E2E_RESULT="+resultFile,
		// Keep Neovim's state, logs and swap files out of the user's home.
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		"TMPDIR="+home,
	)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	luafile := strings.ReplaceAll(filepath.Join(dir, "test", script), " ", `\ `)
	// The script quits Neovim itself; the cquit after it ends Neovim when
	// the script could not run at all (a Lua syntax error, say).
	cmd := exec.CommandContext(ctx, nvimPath, "--headless", "--clean", "-u", "NONE",
		"-c", "luafile "+luafile, "-c", "cquit")
	cmd.Dir = app
	cmd.Env = env
	var output bytes.Buffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	runErr := cmd.Run()
	elapsed := time.Since(start)

	data, _ := os.ReadFile(resultFile)
	var results []result
	done := false
	for line := range strings.Lines(string(data)) {
		f := strings.SplitN(strings.TrimSuffix(line, "\n"), "\t", 3)
		for len(f) < 3 {
			f = append(f, "")
		}
		if f[0] == "done" {
			done = true
			t.Logf("%s finished in %s ms (nvim ran %s)", script, f[1], elapsed.Round(time.Millisecond))
			continue
		}
		results = append(results, result{f[0], f[1], strings.ReplaceAll(f[2], `\n`, "\n")})
	}

	failed := false
	for _, r := range results {
		switch r.status {
		case "info":
			t.Logf("%s: %s", r.name, r.detail)
		case "ok":
			t.Run(r.name, func(t *testing.T) {
				if r.detail != "" {
					t.Log(r.detail)
				}
			})
		default:
			failed = true
			t.Run(r.name, func(t *testing.T) { t.Error(r.detail) })
		}
	}
	switch {
	case ctx.Err() != nil:
		t.Errorf("%s: nvim did not finish within the timeout; the last check reported was %s", script, last(results))
	case !done:
		t.Errorf("%s: nvim exited (%v) before the script finished; the last check reported was %s", script, runErr, last(results))
	case runErr != nil && !failed:
		t.Errorf("%s: nvim exited with %v although no check failed", script, runErr)
	case runErr == nil && failed:
		t.Errorf("%s: nvim exited with status 0 although a check failed", script)
	}
	if len(results) == 0 && done {
		t.Errorf("%s reported no checks", script)
	}
	if t.Failed() {
		if s := strings.TrimSpace(output.String()); s != "" {
			t.Logf("nvim output:\n%s", s)
		}
		if log := tail(filepath.Join(home, "cache", "nvim", "lsp.log"), 60); log != "" {
			t.Logf("end of lsp.log:\n%s", log)
		}
	}
}

func last(results []result) string {
	if len(results) == 0 {
		return "none"
	}
	r := results[len(results)-1]
	return fmt.Sprintf("%q (%s)", r.name, r.status)
}

// tail returns the last n lines of a file, each cut to 400 bytes.
func tail(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if len(line) > 400 {
			line = line[:400] + "…"
		}
		lines = append(lines, line)
		if len(lines) > n {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// TestConfig checks lsp/rscls.lua, root detection and :checkhealth rscls.
func TestConfig(t *testing.T) { run(t, "config.lua") }

// TestEndToEnd starts rscls from Neovim as editors/nvim/README.md says and
// checks diagnostics, hover and code actions in the fixture projects.
func TestEndToEnd(t *testing.T) { run(t, "e2e.lua") }
