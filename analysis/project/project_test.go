package project

import (
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/vfs"
)

// trickyFS reports some directories as symlinks and fails to list others.
type trickyFS struct {
	vfs.MapFS
	symlinks   map[string]bool // directory paths reported as symlinks in their parent's listing
	unreadable map[string]bool
}

func (t trickyFS) ReadDir(p string) ([]vfs.DirEntry, error) {
	if t.unreadable[p] {
		return nil, &fs.PathError{Op: "readdir", Path: p, Err: fs.ErrPermission}
	}
	entries, err := t.MapFS.ReadDir(p)
	for i := range entries {
		if t.symlinks[filepath.Join(p, entries[i].Name)] {
			entries[i].IsSymlink = true
		}
	}
	return entries, err
}

func mustDiscover(t *testing.T, fsys vfs.FS, root string) *Project {
	t.Helper()
	p, err := Discover(fsys, root)
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	return p
}

func appDirs(p *Project) []App {
	var out []App
	for _, a := range p.Apps {
		out = append(out, *a)
	}
	return out
}

func TestSingleApp(t *testing.T) {
	for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
		if got := knownMajor(r); got != want {
			t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
		}
	}
	fsys := vfs.MapFS{
		"/site/package.json":                 `{"name": "site", "dependencies": {"react": "19"}}`,
		"/site/next.config.mjs":              `export default {}`,
		"/site/app/page.tsx":                 ``,
		"/site/app/layout.tsx":               ``,
		"/site/app/globals.css":              ``,
		"/site/app/build/page.tsx":           ``, // a route named build
		"/site/app/out/dist/page.tsx":        ``,
		"/site/components/button.jsx":        ``,
		"/site/lib/a.mjs":                    ``,
		"/site/lib/b.cjs":                    ``,
		"/site/lib/c.mts":                    ``,
		"/site/lib/d.cts":                    ``,
		"/site/lib/types.d.ts":               ``,
		"/site/lib/types.d.mts":              ``,
		"/site/lib/types.d.cts":              ``,
		"/site/lib/data.json":                ``,
		"/site/middleware.ts":                ``,
		"/site/next-env.d.ts":                ``,
		"/site/node_modules/react/index.js":  ``,
		"/site/.next/server/app/page.js":     ``,
		"/site/dist/x.js":                    ``,
		"/site/build/x.js":                   ``,
		"/site/out/x.js":                     ``,
		"/site/.git/hooks/x.js":              ``,
		"/site/.turbo/x.js":                  ``,
		"/site/coverage/x.js":                ``,
		"/site/.vercel/output/x.js":          ``,
		"/site/components/node_modules/y.js": ``,
	}
	p := mustDiscover(t, fsys, "/site/")
	if p.Root != "/site" {
		t.Errorf("Root = %q", p.Root)
	}
	want := []App{{Dir: "/site", AppDir: "/site/app", NextConfig: "/site/next.config.mjs"}}
	if got := appDirs(p); !reflect.DeepEqual(got, want) {
		t.Errorf("apps = %+v, want %+v", got, want)
	}
	wantFiles := []string{
		"/site/app/build/page.tsx", "/site/app/layout.tsx", "/site/app/out/dist/page.tsx", "/site/app/page.tsx",
		"/site/components/button.jsx",
		"/site/lib/a.mjs", "/site/lib/b.cjs", "/site/lib/c.mts", "/site/lib/d.cts",
		"/site/middleware.ts", "/site/next.config.mjs",
	}
	if !reflect.DeepEqual(p.Files, wantFiles) {
		t.Errorf("files =\n%q\nwant\n%q", p.Files, wantFiles)
	}
	if len(p.Workspaces) != 0 || len(p.Notes) != 0 {
		t.Errorf("workspaces %v notes %v", p.Workspaces, p.Notes)
	}
	if info := p.Classify("/site/app/build/page.tsx"); info.Role != RolePage || info.App != p.Apps[0] {
		t.Errorf("build route: %+v", info)
	}
}

func TestSrcApp(t *testing.T) {
	for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
		if got := knownMajor(r); got != want {
			t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
		}
	}
	fsys := vfs.MapFS{
		"/x/package.json":                  `{"devDependencies": {"next": "^15"}}`,
		"/x/src/app/page.tsx":              ``,
		"/x/src/pages/legacy.tsx":          ``,
		"/x/src/middleware.ts":             ``,
		"/x/src/instrumentation.ts":        ``,
		"/x/src/instrumentation-client.ts": ``,
		"/x/middleware.ts":                 ``, // ignored: not beside app/
		"/x/src/lib/proxy.ts":              ``,
	}
	p := mustDiscover(t, fsys, "/x")
	want := []App{{Dir: "/x", AppDir: "/x/src/app", PagesDir: "/x/src/pages"}}
	if got := appDirs(p); !reflect.DeepEqual(got, want) {
		t.Fatalf("apps = %+v, want %+v", got, want)
	}
	for path, role := range map[string]Role{
		"/x/src/app/page.tsx":              RolePage,
		"/x/src/pages/legacy.tsx":          RolePagesRouter,
		"/x/src/middleware.ts":             RoleMiddleware,
		"/x/src/instrumentation.ts":        RoleInstrumentation,
		"/x/src/instrumentation-client.ts": RoleInstrumentationClient,
		"/x/middleware.ts":                 RoleNone,
		"/x/src/lib/proxy.ts":              RoleNone,
	} {
		if got := p.Classify(path).Role; got != role {
			t.Errorf("Classify(%s) = %v, want %v", path, got, role)
		}
	}
}

func TestAppDetection(t *testing.T) {
	cases := []struct {
		name  string
		files vfs.MapFS
		want  []App
	}{
		{"next.config without package.json", vfs.MapFS{"/r/next.config.ts": ``, "/r/app/page.tsx": ``},
			[]App{{Dir: "/r", AppDir: "/r/app", NextConfig: "/r/next.config.ts"}}},
		{"every next.config extension", vfs.MapFS{
			"/r/a/next.config.js": ``, "/r/a/pages/index.js": ``,
			"/r/b/next.config.cjs": ``, "/r/b/app/page.js": ``,
			"/r/c/next.config.mts": ``, "/r/c/app/page.js": ``,
		}, []App{
			{Dir: "/r/a", PagesDir: "/r/a/pages", NextConfig: "/r/a/next.config.js"},
			{Dir: "/r/b", AppDir: "/r/b/app", NextConfig: "/r/b/next.config.cjs"},
			{Dir: "/r/c", AppDir: "/r/c/app", NextConfig: "/r/c/next.config.mts"},
		}},
		{"peer dependency", vfs.MapFS{"/r/package.json": `{"peerDependencies": {"next": "*"}}`, "/r/pages/a.tsx": ``},
			[]App{{Dir: "/r", PagesDir: "/r/pages"}}},
		{"root app/ wins over src/", vfs.MapFS{"/r/next.config.js": ``, "/r/app/page.tsx": ``, "/r/src/app/page.tsx": ``},
			[]App{{Dir: "/r", AppDir: "/r/app", NextConfig: "/r/next.config.js"}}},
		{"root pages/ means src/ is not used", vfs.MapFS{"/r/next.config.js": ``, "/r/pages/a.tsx": ``, "/r/src/app/page.tsx": ``},
			[]App{{Dir: "/r", PagesDir: "/r/pages", NextConfig: "/r/next.config.js"}}},
		{"no next", vfs.MapFS{"/r/package.json": `{"dependencies": {"react": "19"}}`, "/r/app/page.tsx": ``}, nil},
		{"next but no router", vfs.MapFS{"/r/package.json": `{"dependencies": {"next": "15"}}`, "/r/src/index.ts": ``}, nil},
		{"app is a file", vfs.MapFS{"/r/next.config.js": ``, "/r/app": ``}, nil},
		{"garbage package.json", vfs.MapFS{"/r/package.json": `{"dependencies": ["next"]`, "/r/app/page.tsx": ``}, nil},
		{"dependencies of the wrong type", vfs.MapFS{"/r/package.json": `{"dependencies": ["next"], "devDependencies": "next"}`, "/r/app/page.tsx": ``}, nil},
		{"top level array", vfs.MapFS{"/r/package.json": `[{"dependencies": {"next": "1"}}]`, "/r/app/page.tsx": ``}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustDiscover(t, c.files, "/r")
			if got := appDirs(p); !reflect.DeepEqual(got, c.want) {
				t.Errorf("apps = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestPnpmMonorepo(t *testing.T) {
	for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
		if got := knownMajor(r); got != want {
			t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
		}
	}
	fsys := vfs.MapFS{
		"/m/package.json": `{"name": "mono", "private": true, "devDependencies": {"turbo": "2"}}`,
		"/m/pnpm-workspace.yaml": `# workspace
packages:
  - 'apps/*'
  - "packages/**"
  - tools/cli   # the CLI
  - '!**/fixtures/**'

catalog:
  react: ^19
  - not/a/package
`,
		"/m/apps/web/package.json":                   `{"name": "web", "dependencies": {"next": "15"}}`,
		"/m/apps/web/next.config.ts":                 ``,
		"/m/apps/web/app/page.tsx":                   ``,
		"/m/apps/docs/package.json":                  `{"name": "docs", "dependencies": {"next": "15"}}`,
		"/m/apps/docs/src/app/page.mdx":              ``,
		"/m/apps/docs/src/app/layout.tsx":            ``,
		"/m/apps/docs/src/pages/old.tsx":             ``,
		"/m/packages/ui/package.json":                `{"name": "@repo/ui"}`,
		"/m/packages/ui/src/button.tsx":              ``,
		"/m/packages/config/ts/package.json":         `{"name": "@repo/typescript-config"}`,
		"/m/packages/noname/package.json":            `{"private": true}`,
		"/m/packages/badjson/package.json":           `{"name": `,
		"/m/packages/ui/fixtures/package.json":       `{"name": "fixture"}`,
		"/m/tools/cli/package.json":                  `{"name": "cli"}`,
		"/m/tools/other/package.json":                `{"name": "other"}`,
		"/m/not/a/package/package.json":              `{"name": "not-selected"}`,
		"/m/packages/ui/node_modules/x/package.json": `{"name": "x"}`,
	}
	p := mustDiscover(t, fsys, "/m")
	wantWS := map[string]string{
		"web": "/m/apps/web", "docs": "/m/apps/docs", "@repo/ui": "/m/packages/ui",
		"@repo/typescript-config": "/m/packages/config/ts", "cli": "/m/tools/cli",
	}
	if !reflect.DeepEqual(p.Workspaces, wantWS) {
		t.Errorf("workspaces = %v, want %v", p.Workspaces, wantWS)
	}
	wantApps := []App{
		{Dir: "/m/apps/docs", AppDir: "/m/apps/docs/src/app", PagesDir: "/m/apps/docs/src/pages"},
		{Dir: "/m/apps/web", AppDir: "/m/apps/web/app", NextConfig: "/m/apps/web/next.config.ts"},
	}
	if got := appDirs(p); !reflect.DeepEqual(got, wantApps) {
		t.Errorf("apps = %+v, want %+v", got, wantApps)
	}
	if info := p.Classify("/m/apps/web/app/page.tsx"); info.App == nil || info.App.Dir != "/m/apps/web" || info.Role != RolePage {
		t.Errorf("web page: %+v", info)
	}
	if info := p.Classify("/m/apps/docs/src/app/layout.tsx"); info.App == nil || info.App.Dir != "/m/apps/docs" || info.Role != RoleLayout {
		t.Errorf("docs layout: %+v", info)
	}
	if info := p.Classify("/m/packages/ui/src/button.tsx"); info.App != nil || info.Role != RoleNone {
		t.Errorf("package file belongs to no app: %+v", info)
	}
}

func TestPackageJSONWorkspaces(t *testing.T) {
	for name, root := range map[string]string{
		"array":  `{"name": "root", "workspaces": ["apps/*", "./packages/*/", "!packages/skip"]}`,
		"object": `{"name": "root", "workspaces": {"packages": ["apps/*", "packages/*", "!packages/skip"], "nohoist": ["**"]}}`,
	} {
		t.Run(name, func(t *testing.T) {
			for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
				if got := knownMajor(r); got != want {
					t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
				}
			}
			fsys := vfs.MapFS{
				"/m/package.json":               root,
				"/m/apps/web/package.json":      `{"name": "web", "dependencies": {"next": "15"}}`,
				"/m/apps/web/app/page.tsx":      ``,
				"/m/packages/ui/package.json":   `{"name": "@repo/ui"}`,
				"/m/packages/skip/package.json": `{"name": "skipped"}`,
				"/m/packages/a/b/package.json":  `{"name": "too-deep"}`,
			}
			p := mustDiscover(t, fsys, "/m")
			want := map[string]string{"web": "/m/apps/web", "@repo/ui": "/m/packages/ui"}
			if !reflect.DeepEqual(p.Workspaces, want) {
				t.Errorf("workspaces = %v, want %v", p.Workspaces, want)
			}
		})
	}
	for _, bad := range []string{`{"workspaces": "apps/*"}`, `{"workspaces": [1, null, {}]}`, `{"workspaces": {"packages": "x"}}`, `nope`} {
		for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
			if got := knownMajor(r); got != want {
				t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
			}
		}
		fsys := vfs.MapFS{"/m/package.json": bad, "/m/apps/web/package.json": `{"name": "web"}`}
		if p := mustDiscover(t, fsys, "/m"); len(p.Workspaces) != 0 {
			t.Errorf("%s: workspaces = %v", bad, p.Workspaces)
		}
	}
}

func TestDuplicateWorkspaceNames(t *testing.T) {
	for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
		if got := knownMajor(r); got != want {
			t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
		}
	}
	fsys := vfs.MapFS{
		"/m/package.json":   `{"workspaces": ["*"]}`,
		"/m/a/package.json": `{"name": "same"}`,
		"/m/b/package.json": `{"name": "same"}`,
		"/m/c/package.json": `{"name": "unique"}`,
	}
	p := mustDiscover(t, fsys, "/m")
	if p.Workspaces["same"] != "/m/a" || p.Workspaces["unique"] != "/m/c" {
		t.Errorf("workspaces = %v", p.Workspaces)
	}
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], `"same" is defined twice`) {
		t.Errorf("notes = %q", p.Notes)
	}
}

func TestWalkProblems(t *testing.T) {
	fsys := trickyFS{
		MapFS: vfs.MapFS{
			"/w/package.json":                  `{"dependencies": {"next": "15"}}`,
			"/w/app/page.tsx":                  ``,
			"/w/linked/loop/x.ts":              ``,
			"/w/secret/x.ts":                   ``,
			"/w/lib/ok.ts":                     ``,
			"/w/node_modules/pkg/index.js":     ``,
			"/w/node_modules/.pnpm/x/index.js": ``,
		},
		symlinks:   map[string]bool{"/w/linked": true},
		unreadable: map[string]bool{"/w/secret": true, "/nope": true},
	}
	p := mustDiscover(t, fsys, "/w")
	if want := []string{"/w/app/page.tsx", "/w/lib/ok.ts"}; !reflect.DeepEqual(p.Files, want) {
		t.Errorf("files = %q, want %q", p.Files, want)
	}
	if len(p.Notes) != 2 || !strings.Contains(p.Notes[0], "skipped symlinked directory /w/linked") || !strings.Contains(p.Notes[1], "cannot read directory /w/secret") {
		t.Errorf("notes = %q", p.Notes)
	}
	if _, err := Discover(fsys, "/nope"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("unreadable root: err = %v", err)
	}
	if _, err := Discover(vfs.MapFS{}, "/missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing root: err = %v", err)
	}
}

// TestNestedApps checks that a file belongs to the app with the longest Dir.
func TestNestedApps(t *testing.T) {
	for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
		if got := knownMajor(r); got != want {
			t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
		}
	}
	fsys := vfs.MapFS{
		"/n/next.config.js":               ``,
		"/n/app/page.tsx":                 ``,
		"/n/examples/blog/next.config.js": ``,
		"/n/examples/blog/app/page.tsx":   ``,
		"/n/examples-other/x.ts":          ``,
	}
	p := mustDiscover(t, fsys, "/n")
	if len(p.Apps) != 2 {
		t.Fatalf("apps = %+v", appDirs(p))
	}
	if info := p.Classify("/n/examples/blog/app/page.tsx"); info.App.Dir != "/n/examples/blog" || info.Role != RolePage {
		t.Errorf("nested: %+v", info)
	}
	if info := p.Classify("/n/examples-other/x.ts"); info.App.Dir != "/n" || info.Role != RoleNone {
		t.Errorf("sibling prefix: %+v", info)
	}
	if info := p.Classify("/elsewhere/app/page.tsx"); info.App != nil || info.Role != RoleNone {
		t.Errorf("outside: %+v", info)
	}
}

func TestParsePnpmWorkspace(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"quotes and comments", "packages:\n  - 'a/*'\n  - \"b/**\"\n  - c # note\n  - '!d' # x\n", []string{"a/*", "b/**", "c", "!d"}},
		{"unindented items", "packages:\n- a\n- b\n", []string{"a", "b"}},
		{"other keys around", "onlyBuiltDependencies:\n  - esbuild\npackages:\n  - apps/*\ncatalog:\n  react: 19\n", []string{"apps/*"}},
		{"flow form", "packages: ['apps/*', \"packages/*\", tools]\n", []string{"apps/*", "packages/*", "tools"}},
		{"CRLF and blank lines", "packages:\r\n\r\n  - a\r\n  # comment\r\n  - b\r\n", []string{"a", "b"}},
		{"tabs", "packages:\n\t- a\n", []string{"a"}},
		{"quoted key", "\"packages\":\n  - a\n", []string{"a"}},
		{"hash inside quotes", "packages:\n  - 'a#b'\n", []string{"a#b"}},
		{"empty", "", nil},
		{"no packages", "catalog:\n  - a\n", nil},
		{"garbage", "packages: {\n  - : -\n\x00", nil},
		{"dash without value", "packages:\n  -\n  - a\n", []string{"a"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := parsePnpmWorkspace(c.src); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestMatchGlob(t *testing.T) {
	cases := []struct {
		glob, path string
		want       bool
	}{
		{"apps/*", "apps/web", true},
		{"apps/*", "apps/web/x", false},
		{"apps/*", "apps", false},
		{"packages/**", "packages/a/b/c", true},
		{"packages/**", "packages/a", true},
		{"**/fixtures/**", "packages/ui/fixtures/x", true},
		{"**/fixtures/**", "fixtures", true},
		{"tools/cli", "tools/cli", true},
		{"./tools/cli/", "tools/cli", true},
		{"tools/cli", "tools/other", false},
		{"app-*", "app-web", true},
		{"pkg-[ab]", "pkg-c", false},
		{"bad[", "bad[", false},
	}
	for _, c := range cases {
		if got := matchGlob(globSegments(c.glob), strings.Split(c.path, "/")); got != c.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", c.glob, c.path, got, c.want)
		}
	}
}

func TestNextMajor(t *testing.T) {
	for r, want := range map[string]int{
		"15.5.8": 15, "^15.2.0": 15, "~15.5": 15, "15.x": 15, "15": 15, "v16.0.0": 16,
		"16.3.0-canary.97": 16, "15.6.0-canary.59": 15, "*": 0, "latest": 0, "canary": 0,
		">=15": 0, "^15 || ^16": 0, "catalog:": 0, "workspace:*": 0, "15.0.0 - 16.0.0": 0, "": 0,
	} {
		if got := singleMajor(r); got != want {
			t.Errorf("singleMajor(%q) = %d, want %d", r, got, want)
		}
	}
	for r, want := range map[string]int{"15.6.0-canary.59": 0, "^15.5.0": 15, "16.0.0-beta.0": 16} {
		if got := knownMajor(r); got != want {
			t.Errorf("knownMajor(%q) = %d, want %d", r, got, want)
		}
	}
	fsys := vfs.MapFS{
		"/w/package.json":                           `{"devDependencies":{"next":"^16.0.0"}}`,
		"/w/apps/a/package.json":                    `{"dependencies":{"next":"catalog:"}}`,
		"/w/apps/b/package.json":                    `{"dependencies":{"react":"19"}}`,
		"/w/apps/c/package.json":                    `{"dependencies":{"next":"*"}}`,
		"/w/apps/c/node_modules/next/package.json":  `{"name":"next","version":"15.5.29"}`,
		"/w/apps/d/package.json":                    `{"dependencies":{"next":"15.5.0"}}`,
		"/w/node_modules/next/package.json":         `{"name":"next","version":"16.5.0"}`,
		"/w/apps/d/node_modules/.keep/package.json": `{}`,
	}
	for dir, want := range map[string]int{"/w/apps/a": 16, "/w/apps/b": 16, "/w/apps/c": 15, "/w/apps/d": 16} {
		if got := NextMajor(fsys, "/w", &App{Dir: dir}); got != want {
			t.Errorf("NextMajor(%s) = %d, want %d", dir, got, want)
		}
	}
	delete(fsys, "/w/node_modules/next/package.json")
	for dir, want := range map[string]int{"/w/apps/a": 0, "/w/apps/b": 16, "/w/apps/d": 15} {
		if got := NextMajor(fsys, "/w", &App{Dir: dir}); got != want {
			t.Errorf("without an installed next: NextMajor(%s) = %d, want %d", dir, got, want)
		}
	}
}
