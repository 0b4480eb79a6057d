package resolve

import (
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/vfs"
)

// garbageJSON are package.json and tsconfig.json contents of every wrong
// shape. None of them may crash the resolver.
var garbageJSON = []string{
	``,
	`null`,
	`42`,
	`"string"`,
	`[]`,
	`[{"exports": "./a.js"}]`,
	`{`,
	`}`,
	`{"exports": }`,
	"\x00\xff\xfe",
	`{"name": {}, "main": [], "module": {}, "browser": 3, "exports": true, "imports": []}`,
	`{"exports": [[[[["./a.js"]]]]]}`,
	`{"exports": {".": [null, {"default": null}], "./x": [1, true, {}]}}`,
	`{"exports": {"./*": "./*", "./**": "./a.js", "./*/*": "./*/*"}}`,
	`{"exports": {".": {"default": {"default": {"default": "./a.js"}}}}}`,
	`{"exports": {".": "./a.js", "import": "./b.js"}}`,
	`{"exports": {"": "./a.js", "./": "./"}}`,
	`{"exports": "../../../../etc/passwd"}`,
	`{"exports": "/etc/passwd"}`,
	`{"exports": "./"}`,
	`{"exports": "."}`,
	`{"exports": {"./x": "./*"}, "imports": {"#*": "#*", "#a": "#a", "#b": "./*", "#c": {"node": ["x", "./"]}}}`,
	`{"imports": {"#x": "#x"}, "main": "././././a.js"}`,
	`{"main": "/abs/a.js", "module": "..", "browser": {"./a.js": 1, "x": "../y", "./b.js": "../../z.js"}}`,
	`{"tsconfig": 1, "compilerOptions": "x", "extends": [[], {}, null, 1, ""]}`,
	`{"extends": "", "compilerOptions": {"baseUrl": [], "paths": []}}`,
	`{"extends": ".", "compilerOptions": {"baseUrl": "", "paths": {"*": ["*"], "": [""], "@/*": ["/", "..", "./*/"]}}}`,
	`{"extends": "node_modules", "compilerOptions": {"paths": {"*": []}}}`,
	`{"extends": "@", "compilerOptions": {"paths": {"@/*": [null, 1, {}]}}}`,
	`{"extends": "./tsconfig.json", "compilerOptions": {"baseUrl": "${configDir}", "paths": {"${configDir}/*": ["${configDir}/*"]}}}`,
	strings.Repeat(`{"exports": `, 5000) + `"./a.js"` + strings.Repeat(`}`, 5000),
	`{"exports": ` + strings.Repeat(`{"default": `, 150) + `"./a.js"` + strings.Repeat(`}`, 150) + `}`,
	strings.Repeat(`[`, 200000),
	`{"a": "` + strings.Repeat(`\`, 1001) + `"}`,
}

var garbageSpecifiers = []string{
	"pkg", "pkg/x", "pkg/", "pkg/a.js", "pkg/../pkg", "pkg/*", "pkg/**", "#x", "#a", "#b", "#c", "#",
	"#*", "./", ".", "..", "./a", "../../../../..", "/", "//", "@", "@/", "@/x", "@a/", "a//b",
	"*", "?", "#?x", "./a.js?x#y", "node:", "node:fs", "file:///a.js", "C:/x", `.\x`, "\x00", "pkg\x00",
	strings.Repeat("a/", 500), "~", "~/x", "@/*", "x.json",
}

func TestGarbageNeverPanics(t *testing.T) {
	for i, content := range garbageJSON {
		fsys := vfs.MapFS{
			"/p/package.json":                   content,
			"/p/tsconfig.json":                  content,
			"/p/a.js":                           ``,
			"/p/src/x.ts":                       ``,
			"/p/node_modules/pkg/package.json":  content,
			"/p/node_modules/pkg/a.js":          ``,
			"/p/node_modules/pkg/x.js":          ``,
			"/p/node_modules/pkg/tsconfig.json": content,
			"/p/node_modules/pkg/index.js":      ``,
		}
		r := New(fsys, Options{Workspaces: map[string]string{"ws": "/p", "": "", "/": "/"}})
		for _, spec := range garbageSpecifiers {
			for _, from := range []string{"/p/src/x.ts", "/p/node_modules/pkg/a.js", "/", "relative.ts", ""} {
				for _, env := range []Env{Server, Client, Env(9)} {
					for _, req := range []bool{false, true} {
						func() {
							defer func() {
								if p := recover(); p != nil {
									t.Fatalf("content %d, Resolve(%q, %q, %v, %v) panicked: %v", i, from, spec, env, req, p)
								}
							}()
							res := r.Resolve(from, spec, env, req)
							if res.Kind > Builtin {
								t.Fatalf("bad kind %v", res.Kind)
							}
							if res.Kind == NotFound && res.Reason == "" {
								t.Fatalf("content %d, %q from %q: NotFound without a reason", i, spec, from)
							}
						}()
					}
				}
			}
		}
		r.TSConfigFor("/p/src/x.ts")
		r.TSConfigFor("/p/node_modules/pkg/a.js")
	}
}

func FuzzPackageJSON(f *testing.F) {
	for _, s := range garbageJSON[:len(garbageJSON)-4] {
		f.Add(s, "pkg/x")
	}
	f.Add(`{"exports": {"./*": {"browser": "./*.js"}}}`, "pkg/a")
	f.Fuzz(func(t *testing.T, content, spec string) {
		fsys := vfs.MapFS{
			"/p/package.json":                  content,
			"/p/tsconfig.json":                 content,
			"/p/src/x.ts":                      ``,
			"/p/node_modules/pkg/package.json": content,
			"/p/node_modules/pkg/a.js":         ``,
		}
		r := New(fsys, Options{})
		for _, env := range []Env{Server, Client} {
			res := r.Resolve("/p/src/x.ts", spec, env, false)
			if res.Kind == NotFound && res.Reason == "" {
				t.Fatalf("NotFound without a reason")
			}
		}
	})
}
