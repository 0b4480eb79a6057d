package resolve

import (
	"reflect"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/vfs"
)

func TestPathsAndBaseURL(t *testing.T) {
	fsys := vfs.MapFS{
		// JSONC: BOM, comments, "/*" and "//" inside strings, trailing commas.
		"/app/tsconfig.json": "\xEF\xBB\xBF" + `{
			// Next.js default
			"compilerOptions": {
				"baseUrl": ".", /* bare imports relative to the app */
				"paths": {
					"@/*": ["./src/*"],
					"@/components/*": ["./src/ui/*", "./src/components/*",],
					"exact": ["./src/exact.ts"],
					"exact*": ["./src/wild/*"],
					"~lib": ["./lib"],
					"*.icon": ["./icons/*.svg"],
					"lib/*": ["./missing/*"],
					"http://example.com/*": ["./src/url/*"],
				},
			},
		}`,
		"/app/src/app/page.tsx":              ``,
		"/app/src/ui/button.tsx":             ``,
		"/app/src/components/button.tsx":     ``,
		"/app/src/components/card.tsx":       ``,
		"/app/src/components/index.ts":       ``,
		"/app/src/lib/db.ts":                 ``,
		"/app/src/exact.ts":                  ``,
		"/app/src/wild/ly.ts":                ``,
		"/app/src/url/x.ts":                  ``,
		"/app/lib/index.ts":                  ``,
		"/app/icons/home.svg":                ``,
		"/app/utils/helper.ts":               ``,
		"/app/node_modules/lib/package.json": `{"name": "lib", "exports": {"./x": "./x.js"}}`,
		"/app/node_modules/lib/x.js":         ``,
		"/app/node_modules/react/index.js":   ``,
	}
	r := New(fsys, Options{})
	from := "/app/src/app/page.tsx"
	cases := []resolveCase{
		{name: "alias", from: from, spec: "@/lib/db", kind: File, path: "/app/src/lib/db.ts"},
		{name: "longest prefix wins", from: from, spec: "@/components/button", kind: File, path: "/app/src/ui/button.tsx"},
		{name: "second target", from: from, spec: "@/components/card", kind: File, path: "/app/src/components/card.tsx"},
		{name: "alias to a directory", from: from, spec: "@/components", kind: File, path: "/app/src/components/index.ts"},
		{name: "exact beats wildcard", from: from, spec: "exact", kind: File, path: "/app/src/exact.ts"},
		{name: "wildcard without slash", from: from, spec: "exactly", kind: File, path: "/app/src/wild/ly.ts"},
		{name: "exact to directory", from: from, spec: "~lib", kind: File, path: "/app/lib/index.ts"},
		{name: "suffix pattern", from: from, spec: "home.icon", kind: Asset, path: "/app/icons/home.svg"},
		{name: "pattern with // inside", from: from, spec: "http://example.com/x", kind: File, path: "/app/src/url/x.ts"},
		{name: "baseUrl bare import", from: from, spec: "utils/helper", kind: File, path: "/app/utils/helper.ts"},
		{name: "unmatched target falls through to node_modules", from: from, spec: "lib/x", kind: File, path: "/app/node_modules/lib/x.js", pkg: "lib"},
		{name: "packages after baseUrl", from: from, spec: "react", kind: File, path: "/app/node_modules/react/index.js", pkg: "react"},
		{name: "alias without file", from: from, spec: "@/nope", kind: NotFound, reason: `no file matches tsconfig paths "@/*"`, cause: CausePaths},
	}
	runCases(t, r, cases)

	cfg := r.TSConfigFor(from)
	if cfg == nil || cfg.Err != nil {
		t.Fatalf("TSConfigFor = %+v", cfg)
	}
	if cfg.BaseURL != "/app" || cfg.PathsBase != "/app" || len(cfg.Paths) != 8 {
		t.Errorf("config = %+v", cfg)
	}
	if got := cfg.Paths[1]; got.Pattern != "@/components/*" || !reflect.DeepEqual(got.Targets, []string{"./src/ui/*", "./src/components/*"}) {
		t.Errorf("paths[1] = %+v", got)
	}
	if r.TSConfigFor("/app/node_modules/react/index.js") != nil {
		t.Error("files in node_modules must not get the project's tsconfig")
	}
	if r.Resolve("/app/node_modules/react/index.js", "@/lib/db", Server, false).Kind != NotFound {
		t.Error("aliases applied inside node_modules")
	}
}

// A "#" alias in tsconfig paths wins over package.json "imports", as in
// TypeScript; specifiers it does not match still go to "imports".
func TestHashPaths(t *testing.T) {
	fsys := vfs.MapFS{
		"/app/tsconfig.json":       `{"compilerOptions": {"paths": {"#/*": ["./*"], "#shared": ["./lib/shared.ts"]}}}`,
		"/app/package.json":        `{"name": "app", "imports": {"#env": "./lib/env.ts", "#shared": "./lib/other.ts"}}`,
		"/app/app/page.tsx":        ``,
		"/app/ui/button.tsx":       ``,
		"/app/lib/env.ts":          ``,
		"/app/lib/shared.ts":       ``,
		"/app/lib/other.ts":        ``,
		"/app/node_modules/x/a.js": ``,
	}
	r := New(fsys, Options{})
	from := "/app/app/page.tsx"
	runCases(t, r, []resolveCase{
		{name: "hash alias", from: from, spec: "#/ui/button", kind: File, path: "/app/ui/button.tsx"},
		{name: "paths before imports", from: from, spec: "#shared", kind: File, path: "/app/lib/shared.ts"},
		{name: "imports when paths do not match", from: from, spec: "#env", kind: File, path: "/app/lib/env.ts"},
		{name: "neither", from: from, spec: "#nope", kind: NotFound, reason: "#nope"},
	})
}

// TestExtends covers every form of "extends" and how options merge.
func TestExtends(t *testing.T) {
	fsys := vfs.MapFS{
		// Relative with and without .json; paths relative to the defining file.
		"/r/tsconfig.base.json": `{"compilerOptions": {"paths": {"@shared/*": ["./shared/*"]}}}`,
		"/r/shared/x.ts":        ``,
		"/r/a/tsconfig.json":    `{"extends": "../tsconfig.base.json"}`,
		"/r/a/page.tsx":         ``,
		"/r/b/tsconfig.json":    `{"extends": "../tsconfig.base"}`,
		"/r/b/page.tsx":         ``,
		"/r/b/shared/x.ts":      ``,

		// baseUrl inherited from a base: paths are relative to it.
		"/r/c/base/tsconfig.json": `{"compilerOptions": {"baseUrl": "../src"}}`,
		"/r/c/tsconfig.json":      `{"extends": "./base/tsconfig.json", "compilerOptions": {"paths": {"~/*": ["./*"]}}}`,
		"/r/c/src/y.ts":           ``,
		"/r/c/z.ts":               ``,

		// Array: later entries override earlier ones, the file overrides all.
		"/r/d/one.json":      `{"compilerOptions": {"baseUrl": "./one", "paths": {"@one/*": ["./*"]}}}`,
		"/r/d/two.json":      `{"compilerOptions": {"paths": {"@two/*": ["./*"]}}}`,
		"/r/d/tsconfig.json": `{"extends": ["./one.json", "./two.json"], "compilerOptions": {"baseUrl": "./own"}}`,
		"/r/d/own/w.ts":      ``,
		"/r/d/one/w.ts":      ``,

		// Packages: a file in a package, a bare package (tsconfig.json), the
		// "tsconfig" field, a workspace package and an exports-only config.
		"/r/e/tsconfig.json":                                `{"extends": "@tsconfig/next/tsconfig.json"}`,
		"/r/e/node_modules/@tsconfig/next/tsconfig.json":    `{"compilerOptions": {"paths": {"@n/*": ["./n/*"]}}}`,
		"/r/e/node_modules/@tsconfig/next/package.json":     `{"name": "@tsconfig/next"}`,
		"/r/f/tsconfig.json":                                `{"extends": "@tsconfig/strictest"}`,
		"/r/node_modules/@tsconfig/strictest/tsconfig.json": `{"compilerOptions": {"baseUrl": "."}}`,
		"/r/g/tsconfig.json":                                `{"extends": "fielded"}`,
		"/r/node_modules/fielded/package.json":              `{"tsconfig": "./configs/base.json"}`,
		"/r/node_modules/fielded/configs/base.json":         `{"compilerOptions": {"baseUrl": "./root"}}`,
		"/r/h/tsconfig.json":                                `{"extends": "@repo/typescript-config/nextjs.json", "compilerOptions": {"baseUrl": "."}}`,
		"/ws/typescript-config/package.json":                `{"name": "@repo/typescript-config"}`,
		"/ws/typescript-config/nextjs.json":                 `{"extends": "./base.json", "compilerOptions": {"jsx": "preserve"}}`,
		"/ws/typescript-config/base.json":                   `{"compilerOptions": {"paths": {"@ws/*": ["./src/*"]}}}`,
		"/r/i/tsconfig.json":                                `{"extends": "exported/next"}`,
		"/r/node_modules/exported/package.json":             `{"exports": {"./next": "./configs/next.json"}}`,
		"/r/node_modules/exported/configs/next.json":        `{"compilerOptions": {"baseUrl": "/abs"}}`,
		"/r/j/tsconfig.json":                                `{"extends": "exported/base"}`,
		"/r/node_modules/exported/base.json":                `{"compilerOptions": {"baseUrl": "/abs2"}}`,

		// Cycles and self references terminate.
		"/r/k/tsconfig.json": `{"extends": "./a.json", "compilerOptions": {"baseUrl": "."}}`,
		"/r/k/a.json":        `{"extends": "./b.json"}`,
		"/r/k/b.json":        `{"extends": "./a.json", "compilerOptions": {"paths": {"@k/*": ["./*"]}}}`,
		"/r/l/tsconfig.json": `{"extends": "./tsconfig.json", "compilerOptions": {"baseUrl": "."}}`,

		// Broken bases are warnings; the file still applies.
		"/r/m/tsconfig.json": `{"extends": ["./missing.json", "./broken.json", "nopkg/x.json", 7], "compilerOptions": {"baseUrl": "."}}`,
		"/r/m/broken.json":   `{"compilerOptions": `,

		// null resets an inherited option; ${configDir} is the governing file's directory.
		"/r/n/base.json":     `{"compilerOptions": {"baseUrl": "${configDir}/src", "paths": {"@n/*": ["${configDir}/lib/*"]}}}`,
		"/r/n/tsconfig.json": `{"extends": "./base.json"}`,
		"/r/n/lib/q.ts":      ``,
		"/r/o/tsconfig.json": `{"extends": "../n/base.json", "compilerOptions": {"baseUrl": null}}`,
		"/r/o/lib/q.ts":      ``,
	}
	r := New(fsys, Options{Workspaces: map[string]string{"@repo/typescript-config": "/ws/typescript-config"}})

	type want struct {
		baseURL, pathsBase string
		patterns           []string
		chain              []string
		warnings           []string // substrings, in order
	}
	cases := []struct {
		dir  string
		want want
	}{
		{"/r/a", want{pathsBase: "/r", patterns: []string{"@shared/*"}, chain: []string{"/r/tsconfig.base.json", "/r/a/tsconfig.json"}}},
		{"/r/b", want{pathsBase: "/r", patterns: []string{"@shared/*"}, chain: []string{"/r/tsconfig.base.json", "/r/b/tsconfig.json"}}},
		{"/r/c", want{baseURL: "/r/c/src", pathsBase: "/r/c/src", patterns: []string{"~/*"}}},
		{"/r/d", want{baseURL: "/r/d/own", pathsBase: "/r/d/own", patterns: []string{"@two/*"}, chain: []string{"/r/d/one.json", "/r/d/two.json", "/r/d/tsconfig.json"}}},
		{"/r/e", want{pathsBase: "/r/e/node_modules/@tsconfig/next", patterns: []string{"@n/*"}}},
		{"/r/f", want{baseURL: "/r/node_modules/@tsconfig/strictest"}},
		{"/r/g", want{baseURL: "/r/node_modules/fielded/configs/root"}},
		{"/r/h", want{baseURL: "/r/h", pathsBase: "/r/h", patterns: []string{"@ws/*"}, chain: []string{"/ws/typescript-config/base.json", "/ws/typescript-config/nextjs.json", "/r/h/tsconfig.json"}}},
		{"/r/i", want{baseURL: "/abs"}},
		{"/r/j", want{baseURL: "/abs2"}},
		{"/r/k", want{baseURL: "/r/k", pathsBase: "/r/k", patterns: []string{"@k/*"}, warnings: []string{`extends "./a.json": cycle`}}},
		{"/r/l", want{baseURL: "/r/l", warnings: []string{"cycle"}}},
		{"/r/m", want{baseURL: "/r/m", warnings: []string{"non-string", "missing.json", "broken.json", `package "nopkg" is not installed`}}},
		{"/r/n", want{baseURL: "/r/n/src", pathsBase: "/r/n/src", patterns: []string{"@n/*"}}},
		{"/r/o", want{pathsBase: "/r/n", patterns: []string{"@n/*"}}},
	}
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			cfg := r.TSConfigFor(c.dir + "/page.tsx")
			if cfg == nil {
				t.Fatal("no config")
			}
			if cfg.Err != nil {
				t.Fatalf("Err = %v", cfg.Err)
			}
			if cfg.BaseURL != c.want.baseURL || cfg.PathsBase != c.want.pathsBase {
				t.Errorf("baseURL %q pathsBase %q, want %q %q", cfg.BaseURL, cfg.PathsBase, c.want.baseURL, c.want.pathsBase)
			}
			var patterns []string
			for _, p := range cfg.Paths {
				patterns = append(patterns, p.Pattern)
			}
			if !reflect.DeepEqual(patterns, c.want.patterns) {
				t.Errorf("patterns %q, want %q", patterns, c.want.patterns)
			}
			if c.want.chain != nil && !reflect.DeepEqual(cfg.Chain, c.want.chain) {
				t.Errorf("chain %q, want %q", cfg.Chain, c.want.chain)
			}
			if len(cfg.Warnings) != len(c.want.warnings) {
				t.Fatalf("warnings %q, want %d matching %q", cfg.Warnings, len(c.want.warnings), c.want.warnings)
			}
			for i, w := range c.want.warnings {
				if !strings.Contains(cfg.Warnings[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, cfg.Warnings[i], w)
				}
			}
		})
	}

	// The merged options drive resolution.
	runCases(t, r, []resolveCase{
		{name: "paths from a base are relative to the base", from: "/r/b/page.tsx", spec: "@shared/x", kind: File, path: "/r/shared/x.ts"},
		{name: "paths relative to inherited baseUrl", from: "/r/c/page.tsx", spec: "~/y", kind: File, path: "/r/c/src/y.ts"},
		{name: "own baseUrl overrides the array", from: "/r/d/page.tsx", spec: "w", kind: File, path: "/r/d/own/w.ts"},
		{name: "configDir", from: "/r/n/page.tsx", spec: "@n/q", kind: File, path: "/r/n/lib/q.ts"},
		{name: "configDir is the governing file", from: "/r/o/page.tsx", spec: "@n/q", kind: File, path: "/r/o/lib/q.ts"},
	})
}

func TestTSConfigDiscovery(t *testing.T) {
	fsys := vfs.MapFS{
		"/p/tsconfig.json":        `{"compilerOptions": {"paths": {"@/*": ["./root/*"]}}}`,
		"/p/jsconfig.json":        `{"compilerOptions": {"paths": {"@/*": ["./js/*"]}}}`,
		"/p/root/a.ts":            ``,
		"/p/js/a.ts":              ``,
		"/p/deep/er/x.ts":         ``,
		"/p/nested/tsconfig.json": `{"compilerOptions": {"paths": {"@/*": ["./own/*"]}}}`,
		"/p/nested/own/a.ts":      ``,
		"/p/nested/sub/x.ts":      ``,
		"/js/jsconfig.json":       `{"compilerOptions": {"baseUrl": "."}}`,
		"/js/lib/a.js":            ``,
		"/broken/tsconfig.json":   `{"compilerOptions": {"paths": {"@/*": ["./src/*"]}}`,
		"/broken/src/a.ts":        ``,
		"/empty/tsconfig.json":    "// nothing here\n",
		"/array/tsconfig.json":    `[1, 2]`,
		"/wrong/tsconfig.json":    `{"extends": {"x": 1}, "compilerOptions": {"baseUrl": 5, "paths": {"a/*": "./b/*", "c": [1, 2], "x/*/y/*": ["./z"]}}}`,
		"/wrong/b/k.ts":           ``,
		"/opts/tsconfig.json":     `{"compilerOptions": []}`,
		"/none/x.ts":              ``,
	}
	r := New(fsys, Options{})

	if cfg := r.TSConfigFor("/p/deep/er/x.ts"); cfg == nil || cfg.Path != "/p/tsconfig.json" {
		t.Errorf("tsconfig.json should win over jsconfig.json: %+v", cfg)
	}
	if cfg := r.TSConfigFor("/p/nested/sub/x.ts"); cfg == nil || cfg.Path != "/p/nested/tsconfig.json" {
		t.Errorf("nearest config: %+v", cfg)
	}
	if cfg := r.TSConfigFor("/js/lib/a.js"); cfg == nil || cfg.Path != "/js/jsconfig.json" || cfg.BaseURL != "/js" {
		t.Errorf("jsconfig: %+v", cfg)
	}
	if cfg := r.TSConfigFor("/empty/x.ts"); cfg == nil || cfg.Err != nil {
		t.Errorf("an empty tsconfig is valid: %+v", cfg)
	}
	for _, dir := range []string{"/broken", "/array"} {
		cfg := r.TSConfigFor(dir + "/x.ts")
		if cfg == nil || cfg.Err == nil || cfg.Paths != nil || cfg.BaseURL != "" {
			t.Errorf("%s: an unparseable config must carry Err and no options: %+v", dir, cfg)
		}
	}
	if cfg := r.TSConfigFor("/broken/x.ts"); !strings.Contains(cfg.Err.Error(), "line ") {
		t.Errorf("parse errors should say where: %v", cfg.Err)
	}
	if cfg := r.TSConfigFor("/wrong/x.ts"); cfg == nil || cfg.Err != nil || cfg.BaseURL != "" || len(cfg.Paths) != 1 || len(cfg.Warnings) != 3 {
		t.Errorf("wrong types should be dropped with warnings: %+v", cfg)
	}
	if cfg := r.TSConfigFor("/opts/x.ts"); cfg == nil || cfg.Err != nil || cfg.Paths != nil {
		t.Errorf("compilerOptions of the wrong type: %+v", cfg)
	}
	if cfg := r.TSConfigFor("/none/x.ts"); cfg != nil {
		t.Errorf("no config expected, got %+v", cfg)
	}

	runCases(t, r, []resolveCase{
		{name: "tsconfig paths", from: "/p/deep/er/x.ts", spec: "@/a", kind: File, path: "/p/root/a.ts"},
		{name: "nested paths", from: "/p/nested/sub/x.ts", spec: "@/a", kind: File, path: "/p/nested/own/a.ts"},
		{name: "broken config is ignored", from: "/broken/x.ts", spec: "@/a", kind: NotFound, reason: "invalid package name"},
		{name: "string target accepted", from: "/wrong/x.ts", spec: "a/k", kind: File, path: "/wrong/b/k.ts"},
	})
}

// TestVerbatimModuleSyntax: the option is inherited through "extends",
// overridden by the extending file, and reset by null.
func TestVerbatimModuleSyntax(t *testing.T) {
	fsys := vfs.MapFS{
		"/r/base.json":       `{"compilerOptions": {"verbatimModuleSyntax": true}}`,
		"/r/a/tsconfig.json": `{"extends": "../base.json"}`,
		"/r/b/tsconfig.json": `{"extends": "../base.json", "compilerOptions": {"verbatimModuleSyntax": false}}`,
		"/r/c/tsconfig.json": `{"extends": "../base.json", "compilerOptions": {"verbatimModuleSyntax": null}}`,
		"/r/d/tsconfig.json": `{"compilerOptions": {"strict": true}}`,
		"/r/e/jsconfig.json": `{"compilerOptions": {"verbatimModuleSyntax": true}}`,
	}
	r := New(fsys, Options{})
	for dir, want := range map[string]bool{"a": true, "b": false, "c": false, "d": false, "e": true} {
		cfg := r.TSConfigFor("/r/" + dir + "/x.ts")
		if cfg == nil {
			t.Fatalf("%s: no tsconfig", dir)
		}
		if cfg.VerbatimModuleSyntax != want {
			t.Errorf("%s: VerbatimModuleSyntax = %v, want %v", dir, cfg.VerbatimModuleSyntax, want)
		}
	}
}

// TestCatchAllPathsMiss: a package that a catch-all "*" pattern maps to
// no file is a package not installed.
func TestCatchAllPathsMiss(t *testing.T) {
	fsys := vfs.MapFS{
		"/app/tsconfig.json": `{"compilerOptions": {"baseUrl": ".", "paths": {"*": ["./src/*"]}}}`,
		"/app/src/page.tsx":  ``,
		"/app/src/util.ts":   ``,
	}
	r := New(fsys, Options{})
	runCases(t, r, []resolveCase{
		{name: "catch-all hit", from: "/app/src/page.tsx", spec: "util", kind: File, path: "/app/src/util.ts"},
		{name: "catch-all miss", from: "/app/src/page.tsx", spec: "zod", kind: NotFound, reason: `package "zod" is not installed`, cause: CauseNotInstalled},
	})
}
