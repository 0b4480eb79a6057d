package resolve

import (
	"fmt"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/test/fuzzseed"
)

// fuzzTimeout is how long one input may take before it counts as a hang.
// Real inputs take microseconds; the margin is for a loaded machine.
const fuzzTimeout = 10 * time.Second

// watchdog stops the fuzzer on an input that takes over fuzzTimeout.
func watchdog(what string) (stop func()) { return fuzzseed.Watchdog(what, fuzzTimeout) }

// fuzzImporters are the files imports are resolved from: project code, a
// file of an installed package, of a workspace package, and of a directory
// reached through the fuzzed link.
var fuzzImporters = []string{"/p/src/x.ts", "/p/node_modules/pkg/lib/b.mjs", "/p/packages/ws/index.ts", "/p/node_modules/link/x.ts"}

// fuzzLinkTargets are where /p/node_modules/link may point: above itself,
// at itself, at a sibling, or nowhere.
var fuzzLinkTargets = []string{"", "/p", "/p/node_modules", "/p/node_modules/link", "/p/node_modules/pkg", "/p/src", "/missing"}

// FuzzResolve resolves an arbitrary specifier in a project whose
// tsconfig.json (or jsconfig.json), "extends" base, root package.json and
// installed package.json are arbitrary, each field of any JSON type. The
// base is laid out three times, so "extends" can chain, branch and loop.
func FuzzResolve(f *testing.F) {
	var configs, packages []string
	for _, s := range fuzzseed.Files(func(name string) bool { return strings.HasSuffix(name, ".json") }) {
		if strings.Contains(path.Base(s.Rel), "config") {
			configs = append(configs, string(s.Data))
		} else {
			packages = append(packages, string(s.Data))
		}
	}
	for _, s := range garbageJSON[:len(garbageJSON)-4] {
		configs = append(configs, s)
		packages = append(packages, s)
	}
	configs = append(configs,
		`{"extends": "./configs/base.json", "compilerOptions": {"paths": {"@/*": ["./src/*"], "~lib": ["./src/lib/a.js"]}}}`,
		`{"extends": ["../tsconfig.json", "./base.json", "pkg/tsconfig.json", "pkg"], "compilerOptions": {"baseUrl": "${configDir}/src"}}`,
		`{"extends": "pkg/configs/base", "compilerOptions": {"baseUrl": "..", "paths": {"*": ["node_modules/*", "src/*"]}}}`,
	)
	packages = append(packages,
		`{"name": "pkg", "exports": {".": {"react-server": "./lib/b.mjs", "browser": ["./missing.js", "./a.js"], "default": "./index.js"}, "./*": "./lib/*.mjs", "./configs/*": "./configs/*.json", "./private/*": null}, "imports": {"#dep": "pkg", "#x/*": {"node": "./src/*.ts", "default": "./src/lib/*"}}}`,
		`{"name": "app", "main": "./src/index.tsx", "module": ["x"], "browser": {"./src/x.ts": "./src/lib/a.js", "fs": false}, "imports": {"#*": "./src/*"}, "tsconfig": "./configs/base.json"}`,
	)
	specs := []string{"pkg", "pkg/b", "pkg/configs/base", "pkg/private/x", "#dep", "#x/x", "#x/a.js", "./x", "../lib/a", "@/x", "~lib", "ws", "link/x", "@s/n", "fs", "node:fs", ".", "src/x"}
	for i, c := range configs {
		for j := 0; j < 3; j++ {
			k := i*3 + j
			f.Add(c, configs[(k+1)%len(configs)], packages[k%len(packages)], packages[(k+5)%len(packages)], specs[k%len(specs)], uint8(k))
		}
	}
	f.Fuzz(func(t *testing.T, tsconfig, base, rootPkg, depPkg, spec string, flags uint8) {
		defer watchdog(fmt.Sprintf("FuzzResolve(spec %q)", spec))()
		configName := "/p/tsconfig.json"
		if flags&1 != 0 {
			configName = "/p/jsconfig.json"
		}
		files := vfs.MapFS{
			configName:                              tsconfig,
			"/p/configs/base.json":                  base,
			"/p/node_modules/pkg/tsconfig.json":     base,
			"/p/node_modules/pkg/configs/base.json": base,
			"/p/package.json":                       rootPkg,
			"/p/node_modules/pkg/package.json":      depPkg,
			"/p/node_modules/@s/n/package.json":     depPkg,
			"/p/packages/ws/package.json":           depPkg,
			"/p/src/x.ts":                           ``,
			"/p/src/index.tsx":                      ``,
			"/p/src/types.d.ts":                     ``,
			"/p/src/styles.css":                     ``,
			"/p/src/lib/a.js":                       ``,
			"/p/node_modules/pkg/index.js":          ``,
			"/p/node_modules/pkg/a.js":              ``,
			"/p/node_modules/pkg/lib/b.mjs":         ``,
			"/p/node_modules/@s/n/index.cjs":        ``,
			"/p/packages/ws/index.ts":               ``,
		}
		fsys := linkFS{files: files, links: map[string]string{}}
		if target := fuzzLinkTargets[int(flags>>1)%len(fuzzLinkTargets)]; target != "" {
			fsys.links["/p/node_modules/link"] = target
		}
		importer := fuzzImporters[int(flags>>4)%len(fuzzImporters)]
		env := Env(flags >> 6 & 1)
		require := flags>>7 != 0
		opts := Options{Workspaces: map[string]string{"ws": "/p/packages/ws"}}

		r := New(fsys, opts)
		res := r.Resolve(importer, spec, env, require)
		switch res.Kind {
		case NotFound:
			if res.Reason == "" {
				t.Fatalf("%q: NotFound without a reason", spec)
			}
		case File, Asset:
			// Only files of the file system resolve, and only modules as
			// File.
			if _, ok := files[res.Path]; !ok {
				t.Fatalf("%q resolved to %q, which is not a file", spec, res.Path)
			}
			if res.Kind == File != IsSourceFile(res.Path) {
				t.Fatalf("%q resolved to %q as %v", spec, res.Path, res.Kind)
			}
		case Builtin:
			if res.Path != "" {
				t.Fatalf("%q: builtin with a path %q", spec, res.Path)
			}
		default:
			t.Fatalf("%q: kind %v", spec, res.Kind)
		}
		if res.PackageDir != "" {
			if fi, err := fsys.Stat(res.PackageDir); err != nil || !fi.IsDir {
				t.Fatalf("%q: package directory %q is not a directory", spec, res.PackageDir)
			}
		}

		// The answer depends on the files only: a cached answer and a
		// fresh resolver's agree.
		if again := r.Resolve(importer, spec, env, require); again != res {
			t.Fatalf("%q: second answer %+v, first %+v", spec, again, res)
		}
		if fresh := New(fsys, opts).Resolve(importer, spec, env, require); fresh != res {
			t.Fatalf("%q: fresh resolver answers %+v, first %+v", spec, fresh, res)
		}

		// The governing configuration of every importer, extends chain
		// included: its files exist.
		for _, imp := range fuzzImporters {
			cfg := r.TSConfigFor(imp)
			if cfg == nil {
				continue
			}
			if len(cfg.Chain) == 0 {
				t.Fatalf("%s: configuration %s with an empty chain", imp, cfg.Path)
			}
			for _, p := range cfg.Chain {
				if _, ok := files[fsys.follow(p)]; !ok {
					t.Fatalf("%s: chain of %s holds %q, which is not a file", imp, cfg.Path, p)
				}
			}
		}
	})
}

// TestExtendsFanOutIsBounded: files that name their bases over and over
// used to be merged once per mention at every level of the chain, which
// multiplies; the work is now bounded, and the chain stays usable.
func TestExtendsFanOutIsBounded(t *testing.T) {
	const n = 200
	list := func(entry string) string { return strings.TrimSuffix(strings.Repeat(entry+",", n), ",") }
	base := `{"extends": [` + list(`"pkg", "pkg/configs/base", 1`) + `], "compilerOptions": {"baseUrl": "."}}`
	files := vfs.MapFS{
		"/p/tsconfig.json":                      `{"extends": [` + list(`"./configs/base.json"`) + `]}`,
		"/p/configs/base.json":                  base,
		"/p/node_modules/pkg/tsconfig.json":     base,
		"/p/node_modules/pkg/configs/base.json": base,
		"/p/node_modules/pkg/package.json":      `{}`,
		"/p/src/x.ts":                           ``,
	}
	defer watchdog("TestExtendsFanOutIsBounded")()
	cfg := New(files, Options{}).TSConfigFor("/p/src/x.ts")
	if len(cfg.Chain) > maxExtendsEntries+1 || len(cfg.Warnings) > 2*maxExtendsEntries {
		t.Errorf("chain of %d files, %d warnings: not bounded", len(cfg.Chain), len(cfg.Warnings))
	}
	if cfg.BaseURL == "" || cfg.Chain[len(cfg.Chain)-1] != "/p/tsconfig.json" {
		t.Errorf("the bases that were followed do not apply: baseUrl %q, chain ends %q", cfg.BaseURL, cfg.Chain[len(cfg.Chain)-1])
	}
	var truncated bool
	for _, w := range cfg.Warnings {
		truncated = truncated || strings.Contains(w, `too many "extends" entries`)
	}
	if !truncated {
		t.Errorf("no warning says the chain was cut: %q", cfg.Warnings[:min(5, len(cfg.Warnings))])
	}
}
