package engine_test

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
)

// Hostile inputs: what a repository can hold that no one writes on
// purpose. Each case states its outcome: the findings that must still be
// reported, and the note that says what was left out and why. The
// symlink cases, which need a real disk, are in cmd/lsp.

// faultFS injects the failures a disk can produce into an in-memory
// project: tests run as root, which can read files whatever their mode.
type faultFS struct {
	vfs.MapFS
	readErr map[string]error // ReadFile and Stat fail so
	dirErr  map[string]error // ReadDir fails so
	vanish  map[string]bool  // listed by ReadDir, gone when read: deleted in between
}

func (f faultFS) ReadFile(path string) ([]byte, error) {
	if err := f.readErr[path]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	if f.vanish[path] {
		return nil, &fs.PathError{Op: "open", Path: path, Err: syscall.ENOENT}
	}
	return f.MapFS.ReadFile(path)
}

func (f faultFS) Stat(path string) (vfs.FileInfo, error) {
	if f.vanish[path] {
		return vfs.FileInfo{}, &fs.PathError{Op: "stat", Path: path, Err: syscall.ENOENT}
	}
	return f.MapFS.Stat(path)
}

func (f faultFS) ReadDir(path string) ([]vfs.DirEntry, error) {
	if err := f.dirErr[path]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return f.MapFS.ReadDir(path)
}

// deep is 30,000 levels of open, then mid, then 30,000 levels of close.
func deep(open, mid, close string) string {
	const depth = 30000
	return strings.Repeat(open, depth) + mid + strings.Repeat(close, depth)
}

// hangingJSX is the text a fuzzer found that tree-sitter's TSX grammar
// does not finish parsing (see analysis/syntax's budget tests for the
// family).
const hangingJSX = " <A A\"{{:1,:{:[2]}}}s={{:(1}}e={)}g={''}d={''}/>"

const nextPkg = `{"name":"app","dependencies":{"next":"15.0.0","react":"19.0.0"}}`

func TestHostileInputs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files vfs.MapFS // an app: nextPkg is added as /w/package.json unless given
		fault func(fs vfs.MapFS) vfs.FS
		// findings as "path:rule" lines, sorted; notes as "path: message"
		// substrings, each of which must be found.
		want  string
		notes []string
		// noNotes are texts no note may contain.
		noNotes []string
	}{
		{
			name: "binary file",
			files: vfs.MapFS{
				"/w/app/page.tsx":   "import '../lib/blob'\nexport default function P() { return null }\n",
				"/w/lib/blob.ts":    "'use server'\x00\x01\x02\xff\xfe",
				"/w/lib/actions.ts": badActions,
			},
			want:  "lib/actions.ts:serverFileExports",
			notes: []string{"lib/blob.ts: skipped: binary file"},
		},
		{
			name: "file over 2 MB",
			files: vfs.MapFS{
				"/w/app/page.tsx":  "import { x } from '../lib/big'\nexport default function P() { return null }\n",
				"/w/lib/big.js":    "'use server'\nexport const x = 1\n" + strings.Repeat("// generated\n", engine.MaxFileSize/13+1),
				"/w/lib/small.tsx": badActions,
			},
			want:  "lib/small.tsx:serverFileExports",
			notes: []string{"lib/big.js: skipped: larger than 2 MB"},
		},
		{
			// Tree-sitter's TSX grammar does not finish parsing these in
			// any useful time; TS (no JSX) parses them at once. A file
			// that no check and no import needs is not parsed at all.
			name: "texts whose parse does not end",
			files: vfs.MapFS{
				"/w/app/page.tsx":          hangingJSX,
				"/w/app/a/page.js":         hangingJSX,
				"/w/components/x.jsx":      hangingJSX,
				"/w/components/unused.jsx": hangingJSX,
				"/w/lib/fine.ts":           hangingJSX,
				"/w/app/broken/page.tsx":   "'use clinet'\nimport '../../components/x'\nimport '../../lib/fine'\nexport default function P() { return null }\n",
				"/w/lib/actions.ts":        badActions,
			},
			want: "app/broken/page.tsx:misspelledDirective\nlib/actions.ts:serverFileExports",
			notes: []string{
				"app/page.tsx: skipped: parse exceeded its time budget (1s for 48 bytes)",
				"app/a/page.js: skipped: parse exceeded its time budget",
				"components/x.jsx: skipped: parse exceeded its time budget",
			},
			noNotes: []string{"components/unused.jsx", "lib/fine.ts"},
		},
		{
			name: "invalid UTF-8",
			files: vfs.MapFS{
				"/w/lib/latin1.ts": "'use server'\nexport const caf\xe9 = 1\n",
				"/w/lib/ok.ts":     badActions,
			},
			want:  "lib/ok.ts:serverFileExports",
			notes: []string{"lib/latin1.ts: skipped: not valid UTF-8"},
		},
		{
			// The directive prologue starts after the mark: error.tsx is a
			// Client Component, and the file's own mistakes are found.
			name: "byte order mark",
			files: vfs.MapFS{
				"/w/app/error.tsx":  "\ufeff'use client'\nexport default function E() { return null }\n",
				"/w/lib/actions.ts": "\ufeff'use server'\nexport const x = 1\n",
				"/w/lib/late.ts":    "\ufeffimport x from './actions'\n'use client'\n",
			},
			want: "lib/actions.ts:serverFileExports\nlib/late.ts:misplacedDirective",
		},
		{
			name: "CRLF line ends",
			files: vfs.MapFS{
				"/w/app/error.tsx":  "'use client'\r\nexport default function E() {\r\n  return null\r\n}\r\n",
				"/w/app/page.tsx":   "import { useState } from 'react'\r\n\r\nexport default function P() {\r\n  useState()\r\n  return <button onClick={() => 1} />\r\n}\r\n",
				"/w/lib/actions.ts": "'use server'\r\nexport const x = 1\r\n",
			},
			want: "app/page.tsx:clientApiInServer\napp/page.tsx:eventHandlerInServer\nlib/actions.ts:serverFileExports",
		},
		// 30,000 levels of nesting, with the mistake at the bottom: the
		// parser, the tree's flattening and every walk of the facts and
		// checks must neither overflow nor give up on it.
		{
			name: "30,000 nested elements",
			files: vfs.MapFS{
				"/w/app/page.tsx": "export default function P() {\n  return " + deep("<div>", "<button onClick={() => 1}>x</button>", "</div>") + "\n}\n",
			},
			want: "app/page.tsx:eventHandlerInServer",
		},
		{
			name: "30,000 nested parentheses",
			files: vfs.MapFS{
				"/w/app/page.tsx": "export default function P() {\n  const w = " + deep("(", "window.innerWidth", ")") + "\n  return w\n}\n",
			},
			want: "app/page.tsx:browserGlobalInServer",
		},
		{
			name: "30,000 nested blocks",
			files: vfs.MapFS{
				"/w/app/page.tsx": "export default function P() {\n  " + deep("{ ", "document.title = 'x'", " }") + "\n  return null\n}\n",
			},
			want: "app/page.tsx:browserGlobalInServer",
		},
		{
			name: "30,000 nested arrays at module load",
			files: vfs.MapFS{
				"/w/app/page.tsx": "export const a = " + deep("[", "localStorage", "]") + "\nexport default function P() { return null }\n",
			},
			want: "app/page.tsx:browserGlobalInServer",
		},
		{
			name: "30,000 chained operators and members",
			files: vfs.MapFS{
				"/w/app/page.tsx": "export const a = " + strings.Repeat("1 + ", 30000) + "sessionStorage.length\n" +
					"export const b = x" + strings.Repeat(".y", 30000) + "\n" +
					"export default function P() { return null }\n",
			},
			want: "app/page.tsx:browserGlobalInServer",
		},
		{
			name: "30,000 nested functions in a Server Functions file",
			files: vfs.MapFS{
				"/w/lib/actions.ts": "'use server'\nexport const f = " + deep("() => ", "1", "") + "\n",
			},
			want: "lib/actions.ts:serverFileExports",
		},
		{
			// What the export is cannot be told from the broken code, so
			// nothing is reported on it; the rest of the project is.
			name: "30,000 unclosed brackets",
			files: vfs.MapFS{
				"/w/lib/broken.ts":  "'use server'\nexport const x = " + strings.Repeat("{[(", 30000) + "\n",
				"/w/lib/actions.ts": badActions,
			},
			want: "lib/actions.ts:serverFileExports",
		},
		{
			name: "unreadable file",
			files: vfs.MapFS{
				"/w/lib/secret.ts":  badActions,
				"/w/lib/actions.ts": badActions,
			},
			fault: func(m vfs.MapFS) vfs.FS {
				return faultFS{MapFS: m, readErr: map[string]error{"/w/lib/secret.ts": syscall.EACCES}}
			},
			want:  "lib/actions.ts:serverFileExports",
			notes: []string{"lib/secret.ts: skipped: cannot read: permission denied"},
		},
		{
			name: "unreadable folder",
			files: vfs.MapFS{
				"/w/app/page.tsx":         "export default function P() { return null }\n",
				"/w/private/actions.ts":   badActions,
				"/w/components/client.ts": badActions,
			},
			fault: func(m vfs.MapFS) vfs.FS {
				return faultFS{MapFS: m, dirErr: map[string]error{"/w/private": syscall.EACCES}}
			},
			want:  "components/client.ts:serverFileExports",
			notes: []string{": cannot read directory /w/private: open /w/private: permission denied"},
		},
		{
			// Listed, then deleted before it was read (a build, a git
			// checkout): the file is skipped, and what imports it is still
			// analyzed.
			name: "file deleted between discovery and read",
			files: vfs.MapFS{
				"/w/app/page.tsx":  "import { x } from '../lib/gone'\nimport { useState } from 'react'\nexport default function P() { return null }\n",
				"/w/lib/gone.ts":   "export const x = 1\n",
				"/w/lib/stays.tsx": badActions,
			},
			fault: func(m vfs.MapFS) vfs.FS {
				return faultFS{MapFS: m, vanish: map[string]bool{"/w/lib/gone.ts": true}}
			},
			want:  "app/page.tsx:clientApiInServer\nlib/stays.tsx:serverFileExports",
			notes: []string{"lib/gone.ts: skipped: cannot read: the file no longer exists"},
		},
		{
			// The cycle is reported and broken; the paths of the chain
			// still apply, so the alias resolves and its mistake is found.
			name: "tsconfig extends cycle",
			files: vfs.MapFS{
				"/w/tsconfig.json":      `{"extends": "./tsconfig.base.json", "compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
				"/w/tsconfig.base.json": `{"extends": "./tsconfig.json"}`,
				"/w/app/page.tsx":       "import { Hook } from '@/components/hook'\nexport default function P() { return <Hook /> }\n",
				"/w/components/hook.ts": "import { useState } from 'react'\nexport function Hook() { useState(); return null }\n",
			},
			want:  "components/hook.ts:clientApiInServer",
			notes: []string{`tsconfig.json: /w/tsconfig.base.json: extends "./tsconfig.json": cycle through /w/tsconfig.json`},
		},
		{
			name: "tsconfig garbage and missing bases",
			files: vfs.MapFS{
				"/w/tsconfig.json":       `{"extends": ["./missing.json", 42, "./garbage.json"], "compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
				"/w/garbage.json":        "\x00{{{ not json",
				"/w/app/page.tsx":        "import { Hook } from '@/components/hook'\nexport default function P() { return <Hook /> }\n",
				"/w/components/hook.tsx": "import { useEffect } from 'react'\nexport function Hook() { useEffect(() => {}); return null }\n",
			},
			want: "components/hook.tsx:clientApiInServer",
			notes: []string{
				`tsconfig.json: ignoring 1 non-string "extends" entries`,
				`tsconfig.json: extends "./missing.json"`,
				`tsconfig.json: extends "./garbage.json"`,
			},
		},
		{
			name: "tsconfig that is not JSON",
			files: vfs.MapFS{
				"/w/tsconfig.json":  `{"compilerOptions": {"paths": {"@/*": ["./*"]}`,
				"/w/app/page.tsx":   "import { x } from '@/lib/x'\nimport { useState } from 'react'\nexport default function P() { return null }\n",
				"/w/lib/actions.ts": badActions,
			},
			want:  "app/page.tsx:clientApiInServer\nlib/actions.ts:serverFileExports",
			notes: []string{`tsconfig.json: ignored, so its "paths" and "baseUrl" do not apply`},
		},
		{
			// Fields of the wrong type are ignored one by one: the app is
			// still found and its packages still resolve, so the function
			// passed to the package's Client Component is reported.
			name: "package.json fields of the wrong type",
			files: vfs.MapFS{
				"/w/package.json":                     `{"name": 5, "dependencies": {"next": 15, "react": ["19"]}, "workspaces": {"packages": 7}, "imports": [1], "exports": null}`,
				"/w/app/page.tsx":                     "import { Button } from 'ui'\nimport { Other } from 'broken'\nexport default function P() { return <Button onClick={() => 1} /> }\n",
				"/w/node_modules/ui/package.json":     `{"name": "ui", "main": 7, "module": {}, "exports": {".": [null, 3, "./index.js"]}}`,
				"/w/node_modules/ui/index.js":         "'use client'\nexport function Button() { return null }\n",
				"/w/node_modules/broken/package.json": "\x00\x01garbage",
				"/w/node_modules/broken/index.js":     "export const Other = 1\n",
			},
			want: "app/page.tsx:nonSerializableProp",
		},
		{
			name: "package.json that is not JSON",
			files: vfs.MapFS{
				"/w/package.json":   "{ this is not json",
				"/w/app/page.tsx":   "import { useState } from 'react'\nexport default function P() { return null }\n",
				"/w/lib/actions.ts": badActions,
			},
			// Not known to be a Next.js app: only single-file checks run.
			want: "lib/actions.ts:serverFileExports",
			notes: []string{
				"package.json: not a JSON object, so /w is not known to be a Next.js app",
				"no Next.js app found",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := vfs.MapFS{"/w/package.json": nextPkg}
			for k, v := range tc.files {
				files[k] = v
			}
			var fsys vfs.FS = files
			if tc.fault != nil {
				fsys = tc.fault(files)
			}
			snap, err := engine.Load(t.Context(), fsys, "/w", engine.Options{Analyzers: suite.Analyzers})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range snap.Findings() {
				got = append(got, strings.TrimPrefix(f.Path, "/w/")+":"+f.Rule)
			}
			sort.Strings(got)
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("findings:\n%s\nwant:\n%s", g, tc.want)
			}
			var notes []string
			for _, n := range snap.Notes() {
				rel, _ := filepath.Rel("/w", n.Path)
				notes = append(notes, rel+": "+n.Message)
			}
			for _, want := range tc.notes {
				found := false
				for _, n := range notes {
					found = found || strings.Contains(n, want)
				}
				if !found {
					t.Errorf("no note contains %q; notes:\n%s", want, strings.Join(notes, "\n"))
				}
			}
			for _, bad := range tc.noNotes {
				for _, n := range notes {
					if strings.Contains(n, bad) {
						t.Errorf("a note mentions %s: %s", bad, n)
					}
				}
			}
		})
	}
}

// A read that fails for another reason than absence says so, and is not
// mistaken for a deleted file.
func TestReadErrorsAreNamed(t *testing.T) {
	files := vfs.MapFS{"/w/package.json": nextPkg, "/w/a.ts": badActions, "/w/b.ts": badActions}
	fsys := faultFS{MapFS: files, readErr: map[string]error{"/w/a.ts": syscall.EIO, "/w/b.ts": errors.New("device went away")}}
	snap, err := engine.Load(t.Context(), fsys, "/w", engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"/w/a.ts": "skipped: cannot read: input/output error", "/w/b.ts": "skipped: cannot read: device went away"}
	for _, n := range snap.Notes() {
		if w, ok := want[n.Path]; ok {
			if n.Message != w {
				t.Errorf("%s: %q, want %q", n.Path, n.Message, w)
			}
			delete(want, n.Path)
		}
	}
	if len(want) > 0 {
		t.Errorf("no notes for %v", want)
	}
}

// panicOn panics when one file is read: a bug met on one file.
type panicOn struct {
	vfs.MapFS
	path string
}

func (p panicOn) ReadFile(path string) ([]byte, error) {
	if path == p.path {
		panic("a bug in rscls")
	}
	return p.MapFS.ReadFile(path)
}

// A bug met while analyzing one file skips that file with a note; the
// others are analyzed and the process lives on.
func TestPanicInOneFile(t *testing.T) {
	files := vfs.MapFS{"/w/package.json": nextPkg, "/w/lib/a.ts": badActions, "/w/lib/b.ts": badActions}
	snap, err := engine.Load(t.Context(), panicOn{files, "/w/lib/a.ts"}, "/w", engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(snap), "lib/b.ts:serverFileExports:error\n"; got != want {
		t.Errorf("findings %q, want %q", got, want)
	}
	found := false
	for _, n := range snap.Notes() {
		found = found || n.Path == "/w/lib/a.ts" && n.Message == "skipped: internal error, please report it: a bug in rscls"
	}
	if !found {
		t.Errorf("no note for the file the bug was met on: %v", snap.Notes())
	}
}
