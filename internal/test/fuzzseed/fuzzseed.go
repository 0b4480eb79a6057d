// Package fuzzseed reads the repository's test fixtures for the fuzz
// targets' seed corpora: real projects make far better starting points than
// random bytes, because mutations of them still parse and still reach the
// checks.
package fuzzseed

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"golang.org/x/tools/txtar"
)

// File is one fixture file.
type File struct {
	Rel  string // path from the repository root, with forward slashes
	Data []byte
}

// Root returns the repository root: the nearest directory above the
// working directory (a package directory, under go test) holding go.mod.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// maxSeedSize keeps seeds small: large inputs slow every mutation.
const maxSeedSize = 64 << 10

// Files returns every file under a testdata directory of the repository
// whose name passes keep, in lexical order. The fuzz corpora themselves
// (testdata/fuzz) and the editors' node_modules are left out.
func Files(keep func(name string) bool) []File {
	root := Root()
	if root == "" {
		return nil
	}
	var out []File
	for _, top := range []string{"testdata", "analysis", "cmd", "protocol", "internal"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if strings.HasSuffix(rel, "testdata/fuzz") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasPrefix(rel, "testdata/") && !strings.Contains(rel, "/testdata/") {
				return nil
			}
			if !keep(d.Name()) {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil || len(data) > maxSeedSize {
				return nil
			}
			out = append(out, File{Rel: rel, Data: data})
			return nil
		})
	}
	return out
}

// Sources returns the JavaScript and TypeScript fixture files, those of
// the marker tests' archives included (named by their section).
func Sources() []File {
	isSource := func(name string) bool {
		switch filepath.Ext(name) {
		case ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts":
			return true
		}
		return false
	}
	out := Files(isSource)
	for _, a := range Files(func(name string) bool { return strings.HasSuffix(name, ".txtar") }) {
		for _, s := range txtar.Parse(a.Data).Files {
			if isSource(s.Name) {
				out = append(out, File{Rel: s.Name, Data: s.Data})
			}
		}
	}
	return out
}

// Watchdog crashes the process, with every goroutine's stack, when the
// input under test runs longer than limit: a goroutine stuck in a loop
// cannot be stopped, and a crash makes the fuzzer keep the input. Call
// the returned stop when the input is done.
func Watchdog(what string, limit time.Duration) (stop func()) {
	timer := time.AfterFunc(limit, func() {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		panic(fmt.Sprintf("%s did not finish within %v (a hang):\n%s", what, limit, buf))
	})
	return func() { timer.Stop() }
}
