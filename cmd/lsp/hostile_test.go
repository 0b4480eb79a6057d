//go:build unix

package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// hostileDisk writes a project holding what the disk can throw at rscls:
// symlink loops, dangling links, links out of the workspace, a FIFO, a
// file over 2 MB, a binary file, a byte order mark, CRLF line ends and a
// text whose parse does not end. Each mistake
// that must still be found is on a line of its own.
// bigFile is a generated bundle over the 2 MB limit.
var bigFile = "'use server'\nexport const big = 1\n" + strings.Repeat("// generated\n", 3<<20/13)

func hostileDisk(t *testing.T) (ws string) {
	t.Helper()
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws = filepath.Join(top, "ws")
	writeFiles(t, top, map[string]string{
		"outside/secret.ts": "'use server'\nexport const secret = 1\n",
		"outside/dir/x.ts":  "'use server'\nexport const x = 1\n",
	})
	writeFiles(t, ws, map[string]string{
		"package.json": `{"dependencies":{"next":"15.0.0","react":"19.0.0"}}`,
		// The mark is not a column: the directive is reported at 1:34, as
		// editors, tsc and ESLint count.
		"app/page.tsx":  "\ufeffimport { a } from '../lib/crlf'; 'use client'\nexport default function Page() { return null }\n",
		"lib/crlf.ts":   "'use server'\r\nexport const a = 1\r\n",
		"lib/big.js":    bigFile,
		"lib/binary.ts": "'use server'\x00\x01\x02\x03",
		// Tree-sitter's TSX grammar does not finish parsing this on its
		// own: the check ends by cutting it at its budget.
		"app/half-typed/page.tsx": " <A A\"{{:1,:{:[2]}}}s={{:(1}}e={)}g={''}d={''}/>",
	})
	links := map[string]string{
		"lib/loop":        "..",                                       // a directory loop
		"lib/self.ts":     "self.ts",                                  // a file loop
		"lib/dangling.ts": "nowhere.ts",                               // a link to nothing
		"lib/out.ts":      filepath.Join(top, "outside", "secret.ts"), // a file outside
		"lib/outdir":      filepath.Join(top, "outside", "dir"),       // a directory outside
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(ws, name)); err != nil {
			t.Fatal(err)
		}
	}
	// A FIFO with a source file's name: reading it would wait forever.
	if err := syscall.Mkfifo(filepath.Join(ws, "lib", "pipe.ts"), 0o644); err != nil {
		t.Fatal(err)
	}
	return ws
}

func TestCheckHostileDisk(t *testing.T) {
	ws := hostileDisk(t)
	t.Chdir(ws)
	stdout, stderr, code := runCLI(t, "check", "--format", "text", ".")
	if code != 1 {
		t.Errorf("exit %d, want 1 (errors found)", code)
	}
	jsonOut, _, _ := runCLI(t, "check", "--format", "json", ".")
	findings := findingLines(t, jsonOut)
	wantFindings := []string{
		"app/page.tsx:1:34: error: The \"use client\" directive must be placed before other expressions. Move it to the top of the file to resolve this issue. [misplacedDirective]",
		"lib/crlf.ts:2:14: error: Only async functions are allowed to be exported in a \"use server\" file. [serverFileExports]",
	}
	if got := strings.Join(findings, "\n"); got != strings.Join(wantFindings, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s\nfull output:\n%s", got, strings.Join(wantFindings, "\n"), stdout)
	}
	if strings.Contains(stdout, "\r") || strings.Contains(stdout, "\ufeff") {
		t.Errorf("the source excerpts carry a CR or the byte order mark:\n%q", stdout)
	}
	var notes []string
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, "✖") { // the summary
			notes = append(notes, strings.ReplaceAll(line, ws, "WS"))
		}
	}
	sort.Strings(notes)
	wantNotes := []string{
		fmt.Sprintf("rscls: lib/big.js: note: skipped: larger than 2 MB (%d bytes)", len(bigFile)),
		"rscls: app/half-typed/page.tsx: note: skipped: parse exceeded its time budget (1s for 48 bytes)",
		"rscls: lib/binary.ts: note: skipped: binary file",
		"rscls: lib/dangling.ts: note: skipped: cannot read: a symlink to a file that does not exist",
		"rscls: lib/pipe.ts: note: skipped: cannot read: not a regular file (a FIFO, a device or a socket), so not read",
		"rscls: lib/out.ts: note: skipped: cannot read: outside the workspace and the node_modules packages it uses",
		"rscls: lib/self.ts: note: skipped: cannot read: a symlink loop",
		"rscls: note: skipped symlinked directory lib/loop",
		"rscls: note: skipped symlink lib/outdir: outside the workspace and the node_modules packages it uses",
	}
	sort.Strings(wantNotes)
	if got := strings.Join(notes, "\n"); got != strings.Join(wantNotes, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", got, strings.Join(wantNotes, "\n"))
	}
}
