package resolve

import (
	"testing"

	"github.com/rscls/rscls/analysis/vfs"
)

// packagesFS is an app with node_modules packages exercising package.json
// exports, imports and main fields.
func packagesFS() vfs.MapFS {
	return vfs.MapFS{
		"/app/package.json": `{
			"name": "web",
			"imports": {
				"#internal/*": "./src/internal/*.ts",
				"#internal/secret/*": null,
				"#env": {"types": "./src/env.d.ts", "react-server": "./src/env.server.ts", "browser": "./src/env.browser.ts", "default": "./src/env.ts"},
				"#dep": "fields",
				"#dep/*": "cond/features/*",
				"#bad": "../outside.ts",
				"#nomatch": {"worker": "./src/env.ts"},
				"#missing": "./src/missing.ts"
			}
		}`,
		"/app/src/page.tsx":             ``,
		"/app/src/internal/a.ts":        ``,
		"/app/src/internal/secret/k.ts": ``,
		"/app/src/env.ts":               ``,
		"/app/src/env.server.ts":        ``,
		"/app/src/env.browser.ts":       ``,
		"/app/src/env.d.ts":             ``,

		// Conditions per environment, nested conditions, subpath patterns,
		// null exclusions, arrays, invalid and escaping targets.
		"/app/node_modules/cond/package.json": `{
			"name": "cond",
			"main": "./default.js",
			"exports": {
				".": {
					"types": "./index.d.ts",
					"react-server": "./server.js",
					"browser": "./browser.js",
					"import": "./esm.mjs",
					"require": "./cjs.cjs",
					"default": "./default.js"
				},
				"./sub": {
					"node": {"import": "./node-esm.mjs", "require": "./node.cjs"},
					"worker": "./worker.js",
					"default": "./sub.js"
				},
				"./nested": {
					"node": {"worker": "./w.js"},
					"default": "./sub.js"
				},
				"./features/*": "./dist/features/*.js",
				"./features/private/*": null,
				"./features/*.css": "./dist/css/*.css",
				"./package.json": "./package.json",
				"./styles.css": "./styles.css",
				"./arr": ["./missing.js", "./arr.js"],
				"./arr-invalid": ["not-relative.js", "./arr.js"],
				"./arr-none": ["./missing.js", "./missing2.js"],
				"./outside": "../other/x.js",
				"./sneaky/*": "./dist/*.js",
				"./nm": "./x/node_modules/y.js",
				"./invalid": "dist/x.js",
				"./number": 42,
				"./nomatch": {"worker": "./w.js"},
				"./gone": "./gone.js",
				"./null": null,
				"./types-only": {"types": "./t.d.ts"}
			}
		}`,
		"/app/node_modules/cond/server.js":                   ``,
		"/app/node_modules/cond/browser.js":                  ``,
		"/app/node_modules/cond/esm.mjs":                     ``,
		"/app/node_modules/cond/cjs.cjs":                     ``,
		"/app/node_modules/cond/default.js":                  ``,
		"/app/node_modules/cond/node-esm.mjs":                ``,
		"/app/node_modules/cond/node.cjs":                    ``,
		"/app/node_modules/cond/sub.js":                      ``,
		"/app/node_modules/cond/arr.js":                      ``,
		"/app/node_modules/cond/styles.css":                  ``,
		"/app/node_modules/cond/dist/features/a.js":          ``,
		"/app/node_modules/cond/dist/features/deep/b.js":     ``,
		"/app/node_modules/cond/dist/features/private/s.js":  ``,
		"/app/node_modules/cond/dist/css/theme.css":          ``,
		"/app/node_modules/cond/dist/x.js":                   ``,
		"/app/node_modules/other/x.js":                       ``,
		"/app/node_modules/cond/node_modules/inner/index.js": ``,

		// "exports" as a conditions object for "." (sugar).
		"/app/node_modules/sugar/package.json": `{"exports": {"import": "./m.mjs", "require": "./c.cjs"}}`,
		"/app/node_modules/sugar/m.mjs":        ``,
		"/app/node_modules/sugar/c.cjs":        ``,
		// "exports" as a string: only "." is exported.
		"/app/node_modules/strexp/package.json": `{"name": "strexp", "exports": "./lib/main.js"}`,
		"/app/node_modules/strexp/lib/main.js":  ``,
		// "exports" as an array.
		"/app/node_modules/arrexp/package.json": `{"exports": [{"worker": "./w.js"}, "./fallback.js"]}`,
		"/app/node_modules/arrexp/fallback.js":  ``,

		// Main fields.
		"/app/node_modules/@scope/pkg/package.json":    `{"name": "@scope/pkg", "main": "lib/index"}`,
		"/app/node_modules/@scope/pkg/lib/index.js":    ``,
		"/app/node_modules/@scope/pkg/other.js":        ``,
		"/app/node_modules/@scope/pkg/dir/index.js":    ``,
		"/app/node_modules/@scope/pkg/theme.css":       ``,
		"/app/node_modules/fields/package.json":        `{"main": "./main.js", "module": "./module.mjs", "browser": "./browser.js"}`,
		"/app/node_modules/fields/main.js":             ``,
		"/app/node_modules/fields/module.mjs":          ``,
		"/app/node_modules/fields/browser.js":          ``,
		"/app/node_modules/mainonly/package.json":      `{"main": "./main.js"}`,
		"/app/node_modules/mainonly/main.js":           ``,
		"/app/node_modules/badmain/package.json":       `{"main": "./missing.js"}`,
		"/app/node_modules/badmain/index.js":           ``,
		"/app/node_modules/browsermap/package.json":    `{"main": "./main.js", "browser": {"./main.js": "./main.browser.js", "./lib/node": "./lib/browser.js", "fs": false, "./lib/gone.js": false}}`,
		"/app/node_modules/browsermap/main.js":         ``,
		"/app/node_modules/browsermap/main.browser.js": ``,
		"/app/node_modules/browsermap/lib/node.js":     ``,
		"/app/node_modules/browsermap/lib/browser.js":  ``,
		"/app/node_modules/browsermap/lib/gone.js":     ``,
		"/app/node_modules/noentry/package.json":       `{}`,
		"/app/node_modules/noentry/index.js":           ``,
		"/app/node_modules/nopkgjson/index.mjs":        ``,
		"/app/node_modules/empty/package.json":         `{"name": "empty"}`,
		"/app/node_modules/empty/README.md":            ``,
		"/app/node_modules/garbage/package.json":       `{not json`,
		"/app/node_modules/garbage/index.js":           ``,
		"/app/node_modules/wrongtypes/package.json":    `{"name": 1, "main": 5, "module": [], "browser": [1], "imports": "x"}`,
		"/app/node_modules/wrongtypes/index.js":        ``,
		"/app/node_modules/wrongexports/package.json":  `{"exports": 42, "main": "./index.js"}`,
		"/app/node_modules/wrongexports/index.js":      ``,
		"/app/node_modules/nullexports/package.json":   `{"exports": null, "main": "./index.js"}`,
		"/app/node_modules/nullexports/index.js":       ``,
		"/app/node_modules/escaping/package.json":      `{"main": "../cond/server.js"}`,
		"/app/node_modules/escaping/index.js":          ``,

		// Realistic React packages.
		"/app/node_modules/react/package.json": `{"name": "react", "main": "index.js", "exports": {
			".": {"react-server": "./react.react-server.js", "default": "./index.js"},
			"./package.json": "./package.json",
			"./jsx-runtime": {"react-server": "./jsx-runtime.react-server.js", "default": "./jsx-runtime.js"}
		}}`,
		"/app/node_modules/react/index.js":                    ``,
		"/app/node_modules/react/react.react-server.js":       ``,
		"/app/node_modules/react/jsx-runtime.js":              ``,
		"/app/node_modules/react/jsx-runtime.react-server.js": ``,
		"/app/node_modules/server-only/package.json":          `{"name": "server-only", "exports": {".": {"react-server": "./empty.js", "default": "./index.js"}}}`,
		"/app/node_modules/server-only/empty.js":              ``,
		"/app/node_modules/server-only/index.js":              ``,

		// Found by walking up past the app.
		"/node_modules/rootpkg/index.js": ``,

		// A package that imports itself by name.
		"/self/package.json": `{"name": "selfpkg", "exports": {"./x": "./x.js", ".": "./main.js"}}`,
		"/self/x.js":         ``,
		"/self/main.js":      ``,
		"/self/src/a.js":     ``,
	}
}

func TestPackages(t *testing.T) {
	r := New(packagesFS(), Options{})
	from := "/app/src/page.tsx"
	nm := "/app/node_modules/"
	cases := []resolveCase{
		// Conditions per environment.
		{name: "react-server condition", from: from, spec: "cond", env: Server, kind: File, path: nm + "cond/server.js", pkg: "cond"},
		{name: "react-server condition for require", from: from, spec: "cond", env: Server, require: true, kind: File, path: nm + "cond/server.js", pkg: "cond"},
		{name: "browser condition", from: from, spec: "cond", env: Client, kind: File, path: nm + "cond/browser.js", pkg: "cond"},
		{name: "nested node import", from: from, spec: "cond/sub", env: Server, kind: File, path: nm + "cond/node-esm.mjs", pkg: "cond"},
		{name: "nested node require", from: from, spec: "cond/sub", env: Server, require: true, kind: File, path: nm + "cond/node.cjs", pkg: "cond"},
		{name: "no node in browser", from: from, spec: "cond/sub", env: Client, kind: File, path: nm + "cond/sub.js", pkg: "cond"},
		{name: "nested without match continues", from: from, spec: "cond/nested", env: Server, kind: File, path: nm + "cond/sub.js", pkg: "cond"},
		{name: "sugar import", from: from, spec: "sugar", env: Server, kind: File, path: nm + "sugar/m.mjs", pkg: "sugar"},
		{name: "sugar require", from: from, spec: "sugar", env: Client, require: true, kind: File, path: nm + "sugar/c.cjs", pkg: "sugar"},
		{name: "react server", from: from, spec: "react", env: Server, kind: File, path: nm + "react/react.react-server.js", pkg: "react"},
		{name: "react client", from: from, spec: "react", env: Client, kind: File, path: nm + "react/index.js", pkg: "react"},
		{name: "jsx runtime server", from: from, spec: "react/jsx-runtime", env: Server, kind: File, path: nm + "react/jsx-runtime.react-server.js", pkg: "react"},
		{name: "server-only on server", from: from, spec: "server-only", env: Server, kind: File, path: nm + "server-only/empty.js", pkg: "server-only"},
		{name: "server-only on client", from: from, spec: "server-only", env: Client, kind: File, path: nm + "server-only/index.js", pkg: "server-only"},

		// Subpaths and patterns.
		{name: "pattern", from: from, spec: "cond/features/a", kind: File, path: nm + "cond/dist/features/a.js", pkg: "cond"},
		{name: "pattern spans slashes", from: from, spec: "cond/features/deep/b", kind: File, path: nm + "cond/dist/features/deep/b.js", pkg: "cond"},
		{name: "pattern with suffix, longer key wins", from: from, spec: "cond/features/theme.css", kind: Asset, path: nm + "cond/dist/css/theme.css", pkg: "cond"},
		{name: "null excludes a pattern", from: from, spec: "cond/features/private/s", kind: NotFound, reason: `does not export "./features/private/s" (excluded by "exports")`},
		{name: "null excludes a subpath", from: from, spec: "cond/null", kind: NotFound, reason: "excluded"},
		{name: "package.json export", from: from, spec: "cond/package.json", kind: Asset, path: nm + "cond/package.json", pkg: "cond"},
		{name: "css export", from: from, spec: "cond/styles.css", kind: Asset, path: nm + "cond/styles.css", pkg: "cond"},
		{name: "exports are authoritative", from: from, spec: "cond/dist/x.js", kind: NotFound, reason: `package "cond" does not export "./dist/x.js"`},
		{name: "array first that resolves", from: from, spec: "cond/arr", kind: File, path: nm + "cond/arr.js", pkg: "cond"},
		{name: "array skips invalid", from: from, spec: "cond/arr-invalid", kind: File, path: nm + "cond/arr.js", pkg: "cond"},
		{name: "array with nothing", from: from, spec: "cond/arr-none", kind: NotFound, reason: "does not exist"},
		{name: "target outside package", from: from, spec: "cond/outside", kind: NotFound, reason: "outside the package"},
		{name: "pattern escaping package", from: from, spec: "cond/sneaky/../../other/x", kind: NotFound, reason: "outside the package"},
		{name: "target into node_modules", from: from, spec: "cond/nm", kind: NotFound, reason: "outside the package"},
		{name: "target not relative", from: from, spec: "cond/invalid", kind: NotFound, reason: "invalid target"},
		{name: "target of wrong type", from: from, spec: "cond/number", kind: NotFound, reason: "invalid target"},
		{name: "no matching condition", from: from, spec: "cond/nomatch", kind: NotFound, reason: `no "./nomatch" export`},
		{name: "types never match", from: from, spec: "cond/types-only", kind: NotFound, reason: `no "./types-only" export`},
		{name: "missing target file", from: from, spec: "cond/gone", kind: NotFound, reason: `target "./gone.js" does not exist`, cause: CausePackageExport},
		{name: "string exports", from: from, spec: "strexp", kind: File, path: nm + "strexp/lib/main.js", pkg: "strexp"},
		{name: "string exports hide subpaths", from: from, spec: "strexp/lib/main.js", kind: NotFound, reason: `does not export "./lib/main.js"`},
		{name: "array exports", from: from, spec: "arrexp", kind: File, path: nm + "arrexp/fallback.js", pkg: "arrexp"},
		{name: "nested package node_modules", from: nm + "cond/server.js", spec: "inner", kind: File, path: nm + "cond/node_modules/inner/index.js", pkg: "inner"},
		{name: "walks up from inside a package", from: nm + "cond/server.js", spec: "fields", env: Server, kind: File, path: nm + "fields/module.mjs", pkg: "fields"},
		{name: "walks up past the project", from: from, spec: "rootpkg", kind: File, path: "/node_modules/rootpkg/index.js", pkg: "rootpkg"},

		// Without exports.
		{name: "main without extension", from: from, spec: "@scope/pkg", kind: File, path: nm + "@scope/pkg/lib/index.js", pkg: "@scope/pkg"},
		{name: "scoped subpath", from: from, spec: "@scope/pkg/other", kind: File, path: nm + "@scope/pkg/other.js", pkg: "@scope/pkg"},
		{name: "scoped subpath directory", from: from, spec: "@scope/pkg/dir", kind: File, path: nm + "@scope/pkg/dir/index.js", pkg: "@scope/pkg"},
		{name: "scoped asset", from: from, spec: "@scope/pkg/theme.css", kind: Asset, path: nm + "@scope/pkg/theme.css", pkg: "@scope/pkg"},
		{name: "scoped missing subpath", from: from, spec: "@scope/pkg/nope", kind: NotFound, reason: `cannot find module "@scope/pkg/nope"`},
		{name: "server takes module", from: from, spec: "fields", env: Server, kind: File, path: nm + "fields/module.mjs", pkg: "fields"},
		{name: "client takes browser", from: from, spec: "fields", env: Client, kind: File, path: nm + "fields/browser.js", pkg: "fields"},
		{name: "main only", from: from, spec: "mainonly", env: Client, kind: File, path: nm + "mainonly/main.js", pkg: "mainonly"},
		{name: "missing main falls back to index", from: from, spec: "badmain", kind: File, path: nm + "badmain/index.js", pkg: "badmain"},
		{name: "browser map swaps main", from: from, spec: "browsermap", env: Client, kind: File, path: nm + "browsermap/main.browser.js", pkg: "browsermap"},
		{name: "browser map not on server", from: from, spec: "browsermap", env: Server, kind: File, path: nm + "browsermap/main.js", pkg: "browsermap"},
		{name: "browser map swaps subpath", from: from, spec: "browsermap/lib/node", env: Client, kind: File, path: nm + "browsermap/lib/browser.js", pkg: "browsermap"},
		{name: "browser map false is ignored", from: from, spec: "browsermap/lib/gone", env: Client, kind: File, path: nm + "browsermap/lib/gone.js", pkg: "browsermap"},
		{name: "empty package.json", from: from, spec: "noentry", kind: File, path: nm + "noentry/index.js", pkg: "noentry"},
		{name: "no package.json", from: from, spec: "nopkgjson", kind: File, path: nm + "nopkgjson/index.mjs", pkg: "nopkgjson"},
		{name: "no entry point", from: from, spec: "empty", kind: NotFound, reason: `package "empty" has no entry point`, cause: CausePackageExport},
		{name: "unparseable package.json", from: from, spec: "garbage", kind: File, path: nm + "garbage/index.js", pkg: "garbage"},
		{name: "wrong field types", from: from, spec: "wrongtypes", env: Client, kind: File, path: nm + "wrongtypes/index.js", pkg: "wrongtypes"},
		{name: "exports of wrong type", from: from, spec: "wrongexports", kind: NotFound, reason: "invalid target"},
		{name: "null exports means none", from: from, spec: "nullexports", kind: File, path: nm + "nullexports/index.js", pkg: "nullexports"},
		{name: "main outside the package", from: from, spec: "escaping", kind: File, path: nm + "escaping/index.js", pkg: "escaping"},
		{name: "not installed", from: from, spec: "nope", kind: NotFound, reason: `package "nope" is not installed`, cause: CauseNotInstalled},
		{name: "scoped not installed", from: from, spec: "@nope/x/y", kind: NotFound, reason: `package "@nope/x" is not installed`},
		{name: "invalid name", from: from, spec: "@scope", kind: NotFound, reason: "invalid package name", cause: CauseUnsupported},

		// Self reference through "exports".
		{name: "self reference", from: "/self/src/a.js", spec: "selfpkg/x", kind: File, path: "/self/x.js", pkg: "selfpkg"},
		{name: "self reference root", from: "/self/src/a.js", spec: "selfpkg", kind: File, path: "/self/main.js", pkg: "selfpkg"},

		// Package imports.
		{name: "imports pattern", from: from, spec: "#internal/a", kind: File, path: "/app/src/internal/a.ts"},
		{name: "imports from a nested dir", from: "/app/src/internal/a.ts", spec: "#internal/a", kind: File, path: "/app/src/internal/a.ts"},
		{name: "imports null", from: from, spec: "#internal/secret/k", kind: NotFound, reason: "excluded"},
		{name: "imports server condition", from: from, spec: "#env", env: Server, kind: File, path: "/app/src/env.server.ts"},
		{name: "imports browser condition", from: from, spec: "#env", env: Client, kind: File, path: "/app/src/env.browser.ts"},
		{name: "imports to a package", from: from, spec: "#dep", env: Client, kind: File, path: nm + "fields/browser.js", pkg: "fields"},
		{name: "imports pattern to a package", from: from, spec: "#dep/a", kind: File, path: nm + "cond/dist/features/a.js", pkg: "cond"},
		{name: "imports invalid target", from: from, spec: "#bad", kind: NotFound, reason: "outside the package"},
		{name: "imports no condition", from: from, spec: "#nomatch", kind: NotFound, reason: "no target"},
		{name: "imports missing file", from: from, spec: "#missing", kind: NotFound, reason: "does not exist"},
		{name: "imports undefined", from: from, spec: "#nope", kind: NotFound, reason: `"#nope" is not defined in the "imports" of /app/package.json`, cause: CausePackageImports},
		{name: "imports of wrong type", from: nm + "wrongtypes/index.js", spec: "#x", kind: NotFound, reason: `has no "imports"`},
		{name: "imports without package.json", from: "/elsewhere/a.ts", spec: "#x", kind: NotFound, reason: "no package.json"},
		{name: "bare hash", from: from, spec: "#", kind: NotFound, reason: "invalid package import"},
	}
	runCases(t, r, cases)
}

// TestWorkspaces resolves workspace packages by name on a fresh clone with
// no node_modules.
func TestWorkspaces(t *testing.T) {
	fsys := vfs.MapFS{
		"/mono/package.json":                    `{"name": "mono", "workspaces": ["apps/*", "packages/*"]}`,
		"/mono/apps/web/package.json":           `{"name": "web"}`,
		"/mono/apps/web/app/page.tsx":           ``,
		"/mono/packages/ui/package.json":        `{"name": "@repo/ui", "exports": {".": "./src/index.ts", "./button": "./src/button.tsx", "./*": "./src/*.tsx", "./styles.css": "./src/styles.css"}}`,
		"/mono/packages/ui/src/index.ts":        ``,
		"/mono/packages/ui/src/button.tsx":      ``,
		"/mono/packages/ui/src/card.tsx":        ``,
		"/mono/packages/ui/src/styles.css":      ``,
		"/mono/packages/utils/package.json":     `{"name": "@repo/utils", "main": "./src/index.ts"}`,
		"/mono/packages/utils/src/index.ts":     ``,
		"/mono/packages/utils/src/format.ts":    ``,
		"/mono/packages/plain/package.json":     `{"name": "plain"}`,
		"/mono/packages/plain/index.tsx":        ``,
		"/mono/packages/built/package.json":     `{"name": "@repo/built", "exports": {".": {"import": "./dist/index.mjs"}}}`,
		"/mono/packages/built/src/index.ts":     ``,
		"/mono/node_modules/react/index.js":     ``,
		"/mono/node_modules/react/package.json": `{"name": "react"}`,
	}
	r := New(fsys, Options{Workspaces: map[string]string{
		"@repo/ui":    "/mono/packages/ui",
		"@repo/utils": "/mono/packages/utils",
		"plain":       "/mono/packages/plain",
		"@repo/built": "/mono/packages/built",
	}})
	from := "/mono/apps/web/app/page.tsx"
	cases := []resolveCase{
		{name: "workspace root", from: from, spec: "@repo/ui", kind: File, path: "/mono/packages/ui/src/index.ts", pkg: "@repo/ui"},
		{name: "workspace subpath", from: from, spec: "@repo/ui/button", kind: File, path: "/mono/packages/ui/src/button.tsx", pkg: "@repo/ui"},
		{name: "workspace pattern", from: from, spec: "@repo/ui/card", kind: File, path: "/mono/packages/ui/src/card.tsx", pkg: "@repo/ui"},
		{name: "workspace asset", from: from, spec: "@repo/ui/styles.css", kind: Asset, path: "/mono/packages/ui/src/styles.css", pkg: "@repo/ui"},
		{name: "workspace main", from: from, spec: "@repo/utils", kind: File, path: "/mono/packages/utils/src/index.ts", pkg: "@repo/utils"},
		{name: "workspace deep path", from: from, spec: "@repo/utils/src/format", kind: File, path: "/mono/packages/utils/src/format.ts", pkg: "@repo/utils"},
		{name: "unscoped workspace", from: from, spec: "plain", kind: File, path: "/mono/packages/plain/index.tsx", pkg: "plain"},
		{name: "unbuilt workspace", from: from, spec: "@repo/built", kind: NotFound, reason: `target "./dist/index.mjs" does not exist`},
		{name: "node_modules still used", from: from, spec: "react", kind: File, path: "/mono/node_modules/react/index.js", pkg: "react"},
		{name: "unknown scoped name", from: from, spec: "@repo/nope", kind: NotFound, reason: `package "@repo/nope" is not installed`},
	}
	runCases(t, r, cases)
}

// TestSymlinks checks that pnpm links resolve to one real path.
func TestSymlinks(t *testing.T) {
	store := "/repo/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash"
	fsys := linkFS{
		files: vfs.MapFS{
			"/repo/apps/web/app/page.tsx":      ``,
			"/repo/apps/web/package.json":      `{"name": "web"}`,
			"/repo/packages/ui/package.json":   `{"name": "@repo/ui", "exports": {"./button": "./src/button.tsx"}}`,
			"/repo/packages/ui/src/button.tsx": ``,
			"/repo/packages/ui/src/x.tsx":      ``,
			store + "/package.json":            `{"name": "lodash", "main": "lodash.js"}`,
			store + "/lodash.js":               ``,
			store + "/fp.js":                   ``,
		},
		links: map[string]string{
			"/repo/node_modules/lodash":            store,
			"/repo/apps/web/node_modules/lodash":   store,
			"/repo/apps/web/node_modules/@repo/ui": "/repo/packages/ui",
		},
	}
	r := New(fsys, Options{})
	cases := []resolveCase{
		{name: "app link", from: "/repo/apps/web/app/page.tsx", spec: "lodash", kind: File, path: store + "/lodash.js", pkg: "lodash"},
		{name: "root link", from: "/repo/packages/ui/src/x.tsx", spec: "lodash", kind: File, path: store + "/lodash.js", pkg: "lodash"},
		{name: "subpath through link", from: "/repo/apps/web/app/page.tsx", spec: "lodash/fp", kind: File, path: store + "/fp.js", pkg: "lodash"},
		{name: "workspace linked into node_modules", from: "/repo/apps/web/app/page.tsx", spec: "@repo/ui/button", kind: File, path: "/repo/packages/ui/src/button.tsx", pkg: "@repo/ui"},
		{name: "relative inside linked package", from: "/repo/apps/web/node_modules/lodash/lodash.js", spec: "./fp", kind: File, path: store + "/fp.js"},
	}
	runCases(t, r, cases)
	res := r.Resolve("/repo/apps/web/app/page.tsx", "lodash", Server, false)
	if res.PackageDir != store {
		t.Errorf("PackageDir = %q, want the real directory %q", res.PackageDir, store)
	}
}

// TestSideEffectsFree: only "sideEffects": false frees a package's modules,
// read from the package.json nearest to the file, as the bundlers read it.
func TestSideEffectsFree(t *testing.T) {
	r := New(vfs.MapFS{
		"/app/node_modules/free/package.json":         `{"name": "free", "sideEffects": false}`,
		"/app/node_modules/free/index.js":             ``,
		"/app/node_modules/free/esm/package.json":     `{"type": "module"}`,
		"/app/node_modules/free/esm/index.js":         ``,
		"/app/node_modules/listed/package.json":       `{"name": "listed", "sideEffects": ["*.css"]}`,
		"/app/node_modules/listed/index.js":           ``,
		"/app/node_modules/effects/package.json":      `{"name": "effects", "sideEffects": true}`,
		"/app/node_modules/effects/index.js":          ``,
		"/app/node_modules/silent/package.json":       `{"name": "silent"}`,
		"/app/node_modules/silent/index.js":           ``,
		"/app/node_modules/stringly/package.json":     `{"name": "stringly", "sideEffects": "false"}`,
		"/app/node_modules/stringly/index.js":         ``,
		"/app/node_modules/free/nested/deep/index.js": ``,
	}, Options{})
	for file, want := range map[string]bool{
		"/app/node_modules/free/index.js":             true,
		"/app/node_modules/free/nested/deep/index.js": true,
		"/app/node_modules/free/esm/index.js":         false, // its own package.json says nothing
		"/app/node_modules/listed/index.js":           false,
		"/app/node_modules/effects/index.js":          false,
		"/app/node_modules/silent/index.js":           false,
		"/app/node_modules/stringly/index.js":         false,
		"/app/page.tsx":                               false,
	} {
		if got := r.SideEffectsFree(file); got != want {
			t.Errorf("%s: SideEffectsFree %v, want %v", file, got, want)
		}
	}
}
