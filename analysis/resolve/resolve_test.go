package resolve

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"

	"github.com/rscls/rscls/analysis/vfs"
)

type resolveCase struct {
	name    string
	from    string // importing file
	spec    string
	env     Env
	require bool

	kind   Kind
	path   string // expected Path (File/Asset)
	pkg    string // expected Package
	reason string // NotFound: a substring of Reason
	cause  Cause  // NotFound: the Cause, when set
}

func runCases(t *testing.T, r *Resolver, cases []resolveCase) {
	t.Helper()
	for _, c := range cases {
		name := c.name
		if name == "" {
			name = fmt.Sprintf("%s/%s", c.spec, c.env)
		}
		t.Run(name, func(t *testing.T) {
			got := r.Resolve(c.from, c.spec, c.env, c.require)
			if got.Kind != c.kind {
				t.Fatalf("Resolve(%q, %q, %v, require=%v) kind = %v (%+v), want %v", c.from, c.spec, c.env, c.require, got.Kind, got, c.kind)
			}
			switch c.kind {
			case File, Asset:
				if got.Path != c.path {
					t.Errorf("path = %q, want %q", got.Path, c.path)
				}
			case NotFound:
				if got.Reason == "" || !strings.Contains(got.Reason, c.reason) {
					t.Errorf("reason = %q, want it to contain %q", got.Reason, c.reason)
				}
				if got.Path != "" {
					t.Errorf("NotFound has path %q", got.Path)
				}
				if got.Cause == CauseNone || (c.cause != CauseNone && got.Cause != c.cause) {
					t.Errorf("cause = %v, want %v", got.Cause, c.cause)
				}
			}
			if got.Package != c.pkg {
				t.Errorf("package = %q, want %q", got.Package, c.pkg)
			}
			if c.pkg != "" && got.PackageDir == "" {
				t.Errorf("package %q without PackageDir", c.pkg)
			}
			if c.kind != NotFound && (got.Reason != "" || got.Cause != CauseNone) {
				t.Errorf("found result carries reason %q (%v)", got.Reason, got.Cause)
			}
		})
	}
}

// appFS is a single Next.js app with local files of every kind.
func appFS() vfs.MapFS {
	return vfs.MapFS{
		"/app/package.json":               `{"name": "web", "dependencies": {"next": "15.0.0"}}`,
		"/app/src/app/page.tsx":           ``,
		"/app/src/app/layout.tsx":         ``,
		"/app/src/lib/util.ts":            ``,
		"/app/src/lib/order.ts":           ``,
		"/app/src/lib/order.js":           ``,
		"/app/src/lib/probe.jsx":          ``,
		"/app/src/lib/probe.mjs":          ``,
		"/app/src/lib/esm.ts":             ``,
		"/app/src/lib/comp.tsx":           ``,
		"/app/src/lib/mod.mts":            ``,
		"/app/src/lib/common.cts":         ``,
		"/app/src/lib/real.js":            ``,
		"/app/src/lib/only.mjs":           ``,
		"/app/src/lib/types.d.ts":         ``,
		"/app/src/lib/shape.d.ts":         ``,
		"/app/src/lib/styles.css":         ``,
		"/app/src/lib/styles.module.css":  ``,
		"/app/src/lib/logo.svg":           ``,
		"/app/src/lib/data.json":          `{}`,
		"/app/src/lib/button.module.tsx":  ``,
		"/app/src/lib/LICENSE":            ``,
		"/app/src/widgets/index.tsx":      ``,
		"/app/src/widgets/list.ts":        ``,
		"/app/src/widgets.ts":             ``,
		"/app/src/dual/index.js":          ``,
		"/app/src/dual/index.ts":          ``,
		"/app/src/withpkg/package.json":   `{"main": "./entry.js", "module": "./entry.esm.js"}`,
		"/app/src/withpkg/entry.js":       ``,
		"/app/src/withpkg/entry.esm.js":   ``,
		"/app/src/withpkg/index.ts":       ``,
		"/app/src/dirmain/package.json":   `{"main": "lib"}`,
		"/app/src/dirmain/lib/index.js":   ``,
		"/app/src/exported/package.json":  `{"exports": {".": "./impl.ts"}, "main": "./main.ts"}`,
		"/app/src/exported/impl.ts":       ``,
		"/app/src/exported/main.ts":       ``,
		"/app/src/emptydir/readme.md":     ``,
		"/app/src/brokenpkg/package.json": `{"main": `,
		"/app/src/brokenpkg/index.js":     ``,
	}
}

func TestRelative(t *testing.T) {
	r := New(appFS(), Options{})
	from := "/app/src/app/page.tsx"
	lib := "/app/src/lib/x.ts"
	cases := []resolveCase{
		{name: "extension probing", from: from, spec: "../lib/util", kind: File, path: "/app/src/lib/util.ts"},
		{name: "exact file", from: lib, spec: "./util.ts", kind: File, path: "/app/src/lib/util.ts"},
		{name: "exact js wins over substitution", from: lib, spec: "./order.js", kind: File, path: "/app/src/lib/order.js"},
		{name: "probe order ts before js", from: lib, spec: "./order", kind: File, path: "/app/src/lib/order.ts"},
		{name: "probe order jsx before mjs", from: lib, spec: "./probe", kind: File, path: "/app/src/lib/probe.jsx"},
		{name: "mjs probed", from: lib, spec: "./only", kind: File, path: "/app/src/lib/only.mjs"},
		{name: "js to ts", from: lib, spec: "./esm.js", kind: File, path: "/app/src/lib/esm.ts"},
		{name: "js to tsx", from: lib, spec: "./comp.js", kind: File, path: "/app/src/lib/comp.tsx"},
		{name: "jsx to tsx", from: lib, spec: "./comp.jsx", kind: File, path: "/app/src/lib/comp.tsx"},
		{name: "mjs to mts", from: lib, spec: "./mod.mjs", kind: File, path: "/app/src/lib/mod.mts"},
		{name: "cjs to cts", from: lib, spec: "./common.cjs", kind: File, path: "/app/src/lib/common.cts"},
		{name: "plain js file", from: lib, spec: "./real.js", kind: File, path: "/app/src/lib/real.js"},
		{name: "dotted name probes", from: lib, spec: "./button.module", kind: File, path: "/app/src/lib/button.module.tsx"},
		{name: "css asset", from: lib, spec: "./styles.css", kind: Asset, path: "/app/src/lib/styles.css"},
		{name: "css module asset", from: lib, spec: "./styles.module.css", kind: Asset, path: "/app/src/lib/styles.module.css"},
		{name: "query stripped", from: lib, spec: "./logo.svg?url", kind: Asset, path: "/app/src/lib/logo.svg"},
		{name: "hash stripped", from: lib, spec: "./styles.css#top", kind: Asset, path: "/app/src/lib/styles.css"},
		{name: "json asset", from: lib, spec: "./data.json", kind: Asset, path: "/app/src/lib/data.json"},
		{name: "json completed", from: lib, spec: "./data", kind: Asset, path: "/app/src/lib/data.json"},
		{name: "extensionless asset", from: lib, spec: "./LICENSE", kind: Asset, path: "/app/src/lib/LICENSE"},
		{name: "file before directory", from: from, spec: "../widgets", kind: File, path: "/app/src/widgets.ts"},
		{name: "trailing slash means directory", from: from, spec: "../widgets/", kind: File, path: "/app/src/widgets/index.tsx"},
		{name: "dot is the directory index", from: "/app/src/widgets/list.ts", spec: ".", kind: File, path: "/app/src/widgets/index.tsx"},
		{name: "dotdot", from: "/app/src/widgets/sub/x.ts", spec: "..", kind: File, path: "/app/src/widgets/index.tsx"},
		{name: "index probing order", from: from, spec: "../dual", kind: File, path: "/app/src/dual/index.ts"},
		{name: "directory package.json module first", from: from, spec: "../withpkg", env: Server, kind: File, path: "/app/src/withpkg/entry.esm.js"},
		{name: "directory main naming a directory", from: from, spec: "../dirmain", kind: File, path: "/app/src/dirmain/lib/index.js"},
		{name: "directory exports dot wins", from: from, spec: "../exported", kind: File, path: "/app/src/exported/impl.ts"},
		{name: "broken package.json has no fields", from: from, spec: "../brokenpkg", kind: File, path: "/app/src/brokenpkg/index.js"},
		{name: "absolute", from: from, spec: "/app/src/lib/util", kind: File, path: "/app/src/lib/util.ts"},
		{name: "missing", from: from, spec: "./nope", kind: NotFound, reason: `cannot find module "./nope"`, cause: CauseMissingFile},
		{name: "directory without index", from: from, spec: "../emptydir", kind: NotFound, reason: `cannot find module "../emptydir"`},
		{name: "declaration files never resolve", from: lib, spec: "./types", kind: NotFound, reason: `only the type declaration "types.d.ts" exists`},
		{name: "explicit declaration file", from: lib, spec: "./shape.d.ts", kind: NotFound, reason: `cannot find module`},
		{name: "declaration via js", from: lib, spec: "./shape.js", kind: NotFound, reason: `"shape.d.ts"`},
		{name: "missing directory parent", from: from, spec: "../../nowhere/x", kind: NotFound, reason: "cannot find module"},
		{name: "empty", from: from, spec: "", kind: NotFound, reason: "empty specifier"},
		{name: "url", from: from, spec: "https://example.com/x.js", kind: NotFound, reason: "URL imports", cause: CauseUnsupported},
		{name: "data url", from: from, spec: "data:text/javascript,1", kind: NotFound, reason: "URL imports"},
	}
	runCases(t, r, cases)
}

func TestBuiltins(t *testing.T) {
	fsys := vfs.MapFS{
		"/p/a.ts":                             ``,
		"/p/node_modules/events/package.json": `{"name": "events", "main": "./events.js"}`,
		"/p/node_modules/events/events.js":    ``,
	}
	r := New(fsys, Options{})
	cases := []resolveCase{
		{from: "/p/a.ts", spec: "fs", env: Server, kind: Builtin},
		{from: "/p/a.ts", spec: "node:fs", env: Server, kind: Builtin},
		{from: "/p/a.ts", spec: "fs/promises", env: Server, kind: Builtin},
		{from: "/p/a.ts", spec: "node:fs/promises", env: Client, kind: Builtin},
		{from: "/p/a.ts", spec: "node:test", env: Server, kind: Builtin},
		{from: "/p/a.ts", spec: "node:sqlite", env: Server, kind: Builtin},
		{name: "test needs the prefix", from: "/p/a.ts", spec: "test", env: Server, kind: NotFound, reason: `package "test" is not installed`},
		{name: "unknown node builtin", from: "/p/a.ts", spec: "node:nope", env: Server, kind: NotFound, reason: `unknown Node.js builtin "node:nope"`, cause: CauseUnsupported},
		{name: "builtin in the browser", from: "/p/a.ts", spec: "crypto", env: Client, kind: Builtin},
		{name: "builtin wins on the server", from: "/p/a.ts", spec: "events", env: Server, kind: Builtin},
		{name: "installed polyfill wins in the browser", from: "/p/a.ts", spec: "events", env: Client, kind: File, path: "/p/node_modules/events/events.js", pkg: "events"},
	}
	runCases(t, r, cases)
	for _, s := range []string{"fs", "node:fs", "path/posix", "node:test/reporters"} {
		if !IsBuiltin(s) {
			t.Errorf("IsBuiltin(%q) = false", s)
		}
	}
	for _, s := range []string{"test", "node:", "react", "fs/nope"} {
		if IsBuiltin(s) {
			t.Errorf("IsBuiltin(%q) = true", s)
		}
	}
}

func TestSplitPackageSpecifier(t *testing.T) {
	cases := []struct {
		spec, name, sub string
		ok              bool
	}{
		{"react", "react", ".", true},
		{"react/jsx-runtime", "react", "./jsx-runtime", true},
		{"@repo/ui", "@repo/ui", ".", true},
		{"@repo/ui/button", "@repo/ui", "./button", true},
		{"@repo/ui/a/b.js", "@repo/ui", "./a/b.js", true},
		{"pkg/", "pkg", "./", true},
		{"@repo", "", "", false},
		{"@/x", "", "", false},
		{"@repo/", "", "", false},
		{"@repo//x", "", "", false},
		{".hidden", "", "", false},
		{`a\b`, "", "", false},
		{"%41", "", "", false},
	}
	for _, c := range cases {
		name, sub, ok := splitPackageSpecifier(c.spec)
		if name != c.name || sub != c.sub || ok != c.ok {
			t.Errorf("splitPackageSpecifier(%q) = %q, %q, %v; want %q, %q, %v", c.spec, name, sub, ok, c.name, c.sub, c.ok)
		}
	}
}

func TestIsDeclaration(t *testing.T) {
	for name, want := range map[string]bool{
		"x.d.ts": true, "x.d.mts": true, "x.d.cts": true, "styles.d.css.ts": true,
		"x.ts": false, "x.tsx": false, "x.d.tsx": false, "d.ts": false, "x.js": false, "x.d.js": false, "dts.ts": false,
	} {
		if got := isDeclaration(name); got != want {
			t.Errorf("isDeclaration(%q) = %v, want %v", name, got, want)
		}
	}
	if IsSourceFile("a.d.ts") || !IsSourceFile("a.mts") || IsSourceFile("a.css") {
		t.Error("IsSourceFile is wrong")
	}
}

// TestConcurrent resolves the same imports from many goroutines (run with
// -race) and checks that they agree with a sequential run.
func TestConcurrent(t *testing.T) {
	fsys := packagesFS()
	specs := []string{"cond", "cond/sub", "sugar", "fields", "@scope/pkg", "#env", "./nope", "fs", "cond/features/a"}
	seq := New(fsys, Options{})
	want := map[string]Result{}
	for _, s := range specs {
		for _, env := range []Env{Server, Client} {
			want[s+env.String()] = seq.Resolve("/app/src/page.tsx", s, env, false)
		}
	}
	r := New(fsys, Options{})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				s := specs[(i+g)%len(specs)]
				env := Env(i % 2)
				if got := r.Resolve("/app/src/page.tsx", s, env, false); got != want[s+env.String()] {
					t.Errorf("concurrent Resolve(%q, %v) = %+v, want %+v", s, env, got, want[s+env.String()])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// countingFS counts calls, to check that probing is served from listings.
type countingFS struct {
	vfs.FS
	mu                     sync.Mutex
	stats, reads, readDirs int
}

func (c *countingFS) Stat(p string) (vfs.FileInfo, error) {
	c.mu.Lock()
	c.stats++
	c.mu.Unlock()
	return c.FS.Stat(p)
}

func (c *countingFS) ReadDir(p string) ([]vfs.DirEntry, error) {
	c.mu.Lock()
	c.readDirs++
	c.mu.Unlock()
	return c.FS.ReadDir(p)
}

func (c *countingFS) ReadFile(p string) ([]byte, error) {
	c.mu.Lock()
	c.reads++
	c.mu.Unlock()
	return c.FS.ReadFile(p)
}

func TestCaching(t *testing.T) {
	fsys := &countingFS{FS: appFS()}
	r := New(fsys, Options{})
	first := r.Resolve("/app/src/lib/a.ts", "./probe", Server, false)
	if first.Path != "/app/src/lib/probe.jsx" {
		t.Fatalf("got %+v", first)
	}
	if fsys.stats != 0 {
		t.Errorf("probing used %d Stat calls; listings should answer", fsys.stats)
	}
	dirs, reads := fsys.readDirs, fsys.reads
	// Same directory, same specifier: a cache hit, no file system calls.
	r.Resolve("/app/src/lib/b.ts", "./probe", Server, false)
	// Another specifier in the same directory reuses the listing.
	r.Resolve("/app/src/lib/b.ts", "./only", Server, false)
	if fsys.readDirs != dirs || fsys.reads != reads {
		t.Errorf("cached resolution read the file system again: readDirs %d -> %d, reads %d -> %d", dirs, fsys.readDirs, reads, fsys.reads)
	}
	// package.json is parsed once however often it is consulted.
	before := fsys.reads
	r.Resolve("/app/src/a.ts", "./withpkg", Server, false)
	r.Resolve("/app/src/a.ts", "./withpkg", Client, false)
	r.Resolve("/app/src/x/a.ts", "../withpkg", Server, true)
	if n := fsys.reads - before; n != 1 {
		t.Errorf("package.json read %d times, want 1", n)
	}
}

// TestOverlay resolves a file that exists only in an editor buffer.
func TestOverlay(t *testing.T) {
	fsys := vfs.NewOverlay(appFS(), map[string][]byte{
		"/app/src/lib/unsaved.tsx":   []byte(`export {}`),
		"/app/src/brandnew/index.ts": []byte(``),
	})
	r := New(fsys, Options{})
	runCases(t, r, []resolveCase{
		{name: "overlaid file", from: "/app/src/lib/a.ts", spec: "./unsaved", kind: File, path: "/app/src/lib/unsaved.tsx"},
		{name: "overlaid directory", from: "/app/src/lib/a.ts", spec: "../brandnew", kind: File, path: "/app/src/brandnew/index.ts"},
		{name: "base file still there", from: "/app/src/lib/a.ts", spec: "./util", kind: File, path: "/app/src/lib/util.ts"},
	})
}

// unlistableFS refuses to list some directories whose files can still be
// opened, like a directory with execute but no read permission.
type unlistableFS struct {
	vfs.MapFS
	unlistable map[string]bool
}

func (u unlistableFS) ReadDir(p string) ([]vfs.DirEntry, error) {
	if u.unlistable[p] {
		return nil, &fs.PathError{Op: "readdir", Path: p, Err: fs.ErrPermission}
	}
	return u.MapFS.ReadDir(p)
}

func TestUnlistableDirectory(t *testing.T) {
	fsys := unlistableFS{MapFS: appFS(), unlistable: map[string]bool{"/app/src/lib": true}}
	r := New(fsys, Options{})
	runCases(t, r, []resolveCase{
		{name: "probing falls back to Stat", from: "/app/src/app/page.tsx", spec: "../lib/util", kind: File, path: "/app/src/lib/util.ts"},
		{name: "substitution with Stat", from: "/app/src/lib/a.ts", spec: "./esm.js", kind: File, path: "/app/src/lib/esm.ts"},
		{name: "declarations still skipped", from: "/app/src/lib/a.ts", spec: "./types", kind: NotFound, reason: "cannot find module"},
	})
}

// listedFS records the directories read.
type listedFS struct {
	vfs.FS
	mu     sync.Mutex
	listed map[string]int
}

func (l *listedFS) ReadDir(p string) ([]vfs.DirEntry, error) {
	l.mu.Lock()
	l.listed[p]++
	l.mu.Unlock()
	return l.FS.ReadDir(p)
}

// TestListingsGiven: directories whose listings the resolver is given
// (the workspace's discovery read them a moment before) are not read
// again, and resolve as if they had been.
func TestListingsGiven(t *testing.T) {
	base := appFS()
	lib, err := base.ReadDir("/app/src/lib")
	if err != nil {
		t.Fatal(err)
	}
	fsys := &listedFS{FS: base, listed: map[string]int{}}
	r := New(fsys, Options{Listings: map[string][]vfs.DirEntry{"/app/src/lib": lib}})
	runCases(t, r, []resolveCase{
		{from: "/app/src/lib/a.ts", spec: "./probe", kind: File, path: "/app/src/lib/probe.jsx"},
		{from: "/app/src/lib/a.ts", spec: "./util", kind: File, path: "/app/src/lib/util.ts"},
		{from: "/app/src/lib/a.ts", spec: "./missing", kind: NotFound, cause: CauseMissingFile},
		{from: "/app/src/app/page.tsx", spec: "../widgets", kind: File, path: "/app/src/widgets.ts"},
	})
	if n := fsys.listed["/app/src/lib"]; n != 0 {
		t.Errorf("the given directory was listed again %d times", n)
	}
	// A listing given does not stand for the directories it was not given.
	if fsys.listed["/app/src"] == 0 {
		t.Errorf("directories without a given listing were not read: %v", fsys.listed)
	}
}
