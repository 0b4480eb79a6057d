package lsp

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
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
			if format == "json" || format == "sarif" {
				var v any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("output is not JSON: %v", err)
				}
			}
		})
	}
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
	writeFiles(t, dir, map[string]string{
		"package.json":        `{"dependencies":{"next":"15.0.0"}}`,
		"app/error.tsx":       "export default function E() { return null }\n",
		"lib/actions.ts":      "'use server'\nexport function a() {}\nexport const b = 1\n",
		"components/late.tsx": "import x from 'x'\n'use client'\nexport const y = x\n",
		"lib/conflict.ts":     "'use client'\n'use server'\n",
	})
	_, errOut, code := runCLI(t, "check", "--fix", dir)
	if !strings.Contains(errOut, "applied 3 fix(es)") {
		t.Errorf("stderr %q", errOut)
	}
	if code != 1 {
		t.Errorf("exit %d: findings without a single fix remain", code)
	}
	for file, want := range map[string]string{
		"app/error.tsx":       "'use client'\n\nexport default function E() { return null }\n",
		"lib/actions.ts":      "'use server'\nexport async function a() {}\nexport const b = 1\n",
		"components/late.tsx": "'use client'\nimport x from 'x'\nexport const y = x\n",
		"lib/conflict.ts":     "'use client'\n'use server'\n", // two alternative fixes: left alone
	} {
		got, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s:\n%s\nwant:\n%s", file, got, want)
		}
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
	if !strings.Contains(string(out), "[misplacedDirective]") {
		t.Errorf("output lacks findings:\n%s", out)
	}
}
