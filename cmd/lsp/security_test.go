//go:build linux

package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/uri"
)

// hostileWorkspace writes a Next.js app that tries to make rscls read
// files outside it and to run its code, next to the files it points at.
// It returns the app's directory and the directory it must not read.
func hostileWorkspace(t *testing.T) (ws, outside, store string) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws = filepath.Join(top, "ws")
	outside = filepath.Join(top, "outside")
	store = filepath.Join(top, "store")
	marker := filepath.Join(top, "ran")
	files := map[string]string{
		"outside/secret.ts":         "'use client'\nexport const secret = 'do not read'\n",
		"outside/dir/x.ts":          "export const x = 1\n",
		"outside/tsconfig.json":     `{"compilerOptions":{"paths":{"@/*":["../outside/*"]}}}`,
		"store/linked/package.json": `{"name":"linked","main":"index.js"}`,
		"store/linked/index.js":     "'use client'\nexport const Linked = () => null\n",
		"ws/package.json": `{"name":"app","dependencies":{"next":"15.0.0","linked":"*"},
			"scripts":{"preinstall":"touch ` + marker + `","postinstall":"touch ` + marker + `","dev":"touch ` + marker + `"}}`,
		"ws/next.config.js": "require('fs').writeFileSync(" + strconvQuote(marker) + ", 'next.config.js ran')\nmodule.exports = {}\n",
		"ws/tsconfig.json":  `{"extends":"../outside/tsconfig.json","compilerOptions":{"paths":{"~/*":["./*"]}}}`,
		"ws/app/page.tsx": "import { secret } from '../../outside/secret'\n" +
			"import { x } from '" + filepath.Join(outside, "dir", "x") + "'\n" +
			"import { leak } from '../lib/leak'\n" +
			"import { y } from '../outdir/x'\n" +
			"import { Linked } from 'linked'\n" +
			"export default function Page() { return <Linked s={secret} x={x} l={leak} y={y} /> }\n",
	}
	for name, content := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"ws/lib/leak.ts":         filepath.Join(outside, "secret.ts"),
		"ws/outdir":              filepath.Join(outside, "dir"),
		"ws/node_modules/linked": filepath.Join(store, "linked"),
		"ws/app/secret-link.tsx": filepath.Join(outside, "secret.ts"),
	}
	for name, target := range links {
		p := filepath.Join(top, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		if _, err := os.Stat(marker); err == nil {
			t.Errorf("workspace code ran: %s exists", marker)
		}
	})
	return ws, outside, store
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

var (
	straceOpen = regexp.MustCompile(`^\d+ +(?:openat|open|creat)\((?:AT_FDCWD, )?"([^"]*)"`)
	straceCall = regexp.MustCompile(`^\d+ +(execve|execveat|socket|connect)\(`)
)

// traced describes what a traced run of the binary did.
type traced struct {
	opened []string // every path it asked to open
	execs  int      // execve calls, including the one that started it
	net    []string // socket and connect calls
}

func readTrace(t *testing.T, path string) traced {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tr traced
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := straceOpen.FindStringSubmatch(line); m != nil {
			tr.opened = append(tr.opened, m[1])
		}
		if m := straceCall.FindStringSubmatch(line); m != nil {
			if strings.HasPrefix(m[1], "exec") {
				tr.execs++
			} else {
				tr.net = append(tr.net, line)
			}
		}
	}
	return tr
}

// checkTrace asserts the promises of the README's Security section on a
// traced run: one exec (rscls itself), no sockets, and files opened only
// in the workspace, the package its node_modules links to, the cache, and
// what the Go runtime and the dynamic loader read to start.
func checkTrace(t *testing.T, tr traced, bin string, allowed []string) {
	t.Helper()
	if tr.execs != 1 {
		t.Errorf("%d execve calls, want 1 (rscls itself)", tr.execs)
	}
	for _, l := range tr.net {
		t.Errorf("network call: %s", l)
	}
	system := []string{"/proc/", "/sys/", "/etc/ld.so.", "/lib/", "/lib64/", "/usr/lib/", "/etc/localtime", "/usr/share/zoneinfo/", "/dev/null"}
	var workspaceReads int
	for _, p := range tr.opened {
		ok := p == bin
		for _, prefix := range system {
			ok = ok || strings.HasPrefix(p, prefix)
		}
		for _, dir := range allowed {
			if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
				ok = true
				workspaceReads++
			}
		}
		if !ok {
			t.Errorf("opened %s", p)
		}
	}
	if workspaceReads == 0 {
		t.Errorf("the trace shows no read of the workspace: is strace tracing the right process?")
	}
}

func buildAndStrace(t *testing.T) (bin string) {
	t.Helper()
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatal("strace is not on PATH; this test watches rscls's system calls with it (Debian: apt-get install strace)")
	}
	bin = filepath.Join(t.TempDir(), "rscls")
	if out, err := exec.Command("go", "build", "-o", bin, "./rscls").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

var straceArgs = []string{"-f", "-qq", "-e", "trace=open,openat,creat,execve,execveat,socket,connect"}

// TestCheckStaysInWorkspace runs `rscls check` under strace on a
// workspace whose imports, links and tsconfig point outside it.
func TestCheckStaysInWorkspace(t *testing.T) {
	bin := buildAndStrace(t)
	ws, outside, store := hostileWorkspace(t)
	cache := filepath.Join(t.TempDir(), "cache")
	trace := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command("strace", append(append([]string{}, straceArgs...), "-o", trace, bin, "check", "--format", "json", ws)...)
	cmd.Env = append(os.Environ(), "RSCLS_CACHE_DIR="+cache)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	checkTrace(t, readTrace(t, trace), bin, []string{ws, store, cache})
	if strings.Contains(string(out), outside) {
		t.Errorf("findings name files outside the workspace:\n%s", out)
	}
	for _, name := range []string{"leak.ts", "secret-link.tsx"} {
		if !strings.Contains(stderr.String(), name) || !strings.Contains(stderr.String(), "outside the workspace") {
			t.Errorf("no note that %s points outside the workspace; stderr:\n%s", name, stderr.String())
		}
	}
}

// TestServeStaysInWorkspace runs `rscls serve` under strace: initialize on
// the same workspace, the first analysis, a hover and a shutdown.
func TestServeStaysInWorkspace(t *testing.T) {
	bin := buildAndStrace(t)
	ws, _, store := hostileWorkspace(t)
	cache := filepath.Join(t.TempDir(), "cache")
	trace := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command("strace", append(append([]string{}, straceArgs...), "-o", trace, bin, "serve")...)
	cmd.Env = append(os.Environ(), "RSCLS_CACHE_DIR="+cache)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{}, 8)
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(stdioPipe{stdout.(*os.File), stdin.(*os.File)}))
	conn.Go(context.Background(), func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.Method() == "rscls/status" && strings.Contains(string(req.Params()), `"ready"`) {
			ready <- struct{}{}
		}
		return nil, nil
	})
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	params, _ := json.Marshal(map[string]any{"processId": nil, "rootUri": uri.File(ws), "capabilities": map[string]any{}})
	if _, err := conn.Call(ctx, "initialize", jsonrpc2.RawMessage(params), nil); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, "initialized", map[string]any{})
	select {
	case <-ready:
	case <-ctx.Done():
		t.Fatal("no analysis")
	}
	page := filepath.Join(ws, "app", "page.tsx")
	hover, _ := json.Marshal(map[string]any{
		"textDocument": map[string]any{"uri": uri.File(page)},
		"position":     map[string]any{"line": 0, "character": 26},
	})
	if _, err := conn.Call(ctx, "textDocument/hover", jsonrpc2.RawMessage(hover), nil); err != nil {
		t.Fatal(err)
	}
	conn.Call(ctx, "shutdown", nil, nil)
	conn.Notify(ctx, "exit", nil)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("server: %v", err)
	}
	checkTrace(t, readTrace(t, trace), bin, []string{ws, store, cache})
}
