// Package synth generates synthetic Next.js monorepos for benchmarks, so
// that nothing large has to be committed.
//
// A workspace is a pnpm monorepo (package.json, pnpm-workspace.yaml,
// tsconfig.base.json) with:
//
//   - apps/<name>: App Router apps with package.json, next.config.mjs, a
//     JSONC or JSON tsconfig.json mapping @/* to ./src/*, src/middleware.ts
//     and a src/app tree of layouts, pages, loading, error, not-found,
//     global-error, template and default files, route groups, [id] and
//     [...slug] segments, @slot parallel routes, route.ts handlers and
//     sitemap, robots and opengraph-image metadata files; src/components
//     (Client, Server and shared components), src/hooks, src/actions
//     ('use server'), and lib folders of helpers, data tables, types,
//     server-only data access and 'use cache' modules;
//   - packages/<name>: @synth/utils (helpers, including the hub cn.ts),
//     @synth/ui (components and hooks), @synth/data (server data access
//     with a react-server export condition) and more of these kinds, each
//     with "exports" subpath patterns and a barrel src/index.ts;
//   - node_modules: small stubs of react, react-dom, next, server-only and
//     client-only, with their export conditions.
//
// Module sizes are log-normal around 2.5 KB, from 0.5 KB to 60 KB. Imports
// go relative, through the @/ alias, by package name or subpath, to
// react, next/* and server-only, with a few dynamic import() and
// next/dynamic calls; they form an acyclic graph in which nearly every
// runtime module is reachable from a route.
//
// The code is free of the mistakes rscls reports, unless Options.Mistakes
// asks for some, whose locations are listed in Workspace.Mistakes.
// Generation is deterministic: the same Options give byte-identical files.
package synth

import (
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/rscls/rscls/analysis/project"
)

// DefaultRoot is the root of generated workspaces in memory.
const DefaultRoot = "/synth"

// Options describe the workspace to generate.
type Options struct {
	// Files is the approximate number of JS/TS source files, not counting
	// the stub node_modules.
	Files int
	// Seed selects the workspace: the same seed and options give
	// byte-identical output.
	Seed int64
	// Apps is the number of Next.js apps in apps/; 0 means max(1, Files/2500).
	Apps int
	// Packages is the number of workspace packages in packages/; 0 means
	// max(2, Files/800).
	Packages int
	// Mistakes is the number of known mistakes to inject (see Mistake).
	Mistakes int
	// Root is the absolute root of the workspace; "" means DefaultRoot.
	Root string
}

// Mistake is an injected problem that rscls is expected to report.
type Mistake struct {
	Path string // the file the finding is reported in
	Rule string // the analyzer name, as in analysis/suite
	What string // a short description, for test failures
}

// Workspace is a generated monorepo.
type Workspace struct {
	// Root is the absolute root used in the paths below.
	Root string
	// Files maps absolute paths to contents: sources, package.json,
	// tsconfig.json, pnpm-workspace.yaml, next.config.mjs and the stub
	// node_modules.
	Files map[string]string
	// Sources lists the JS/TS source files outside node_modules, sorted.
	Sources []string
	// SourceBytes is the total size of Sources.
	SourceBytes int64
	// Hub is a module imported by at least 500 others when Options.Files
	// is at least 2000 (for the directive-flip benchmark); "" otherwise.
	Hub string
	// HubImporters lists the modules that import Hub directly, sorted.
	HubImporters []string
	// Large is a source file of about 50 KB (for the edit-latency benchmark).
	Large string
	// Mistakes lists the injected mistakes, in injection order.
	Mistakes []Mistake
	// Apps and Packages are the directories of the apps and workspace packages.
	Apps, Packages []string
}

// Hub has at least HubMinImporters importers when Options.Files is at
// least HubMinFiles.
const (
	HubMinImporters = 500
	HubMinFiles     = 2000
)

// Generate builds a workspace.
func Generate(opts Options) *Workspace {
	opts = opts.withDefaults()
	g := newGen(opts)
	g.plan()
	g.injectMistakes()
	return g.emit()
}

func (o Options) withDefaults() Options {
	if o.Files <= 0 {
		o.Files = 1000
	}
	if o.Apps <= 0 {
		o.Apps = max(1, o.Files/2500)
	}
	if o.Packages <= 0 {
		o.Packages = max(2, o.Files/800)
	}
	if o.Root == "" {
		o.Root = DefaultRoot
	}
	o.Root = filepath.ToSlash(filepath.Clean(o.Root))
	return o
}

// emit writes every module and configuration file.
func (g *gen) emit() *Workspace {
	w := &Workspace{Root: filepath.FromSlash(g.root), Files: make(map[string]string, len(g.mods)+64)}
	contents := make([]string, len(g.mods))
	workers := min(runtime.GOMAXPROCS(0), 8)
	var wg sync.WaitGroup
	var next int
	var mu sync.Mutex
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next += 16
				mu.Unlock()
				if i >= len(g.mods) {
					return
				}
				for j := i; j < min(i+16, len(g.mods)); j++ {
					contents[j] = g.render(g.mods[j])
				}
			}
		}()
	}
	g.emitConfig()
	wg.Wait()
	for i, m := range g.mods {
		g.files[m.path] = contents[i]
	}
	for p, c := range g.files {
		w.Files[filepath.FromSlash(p)] = c
		if project.IsSourceFile(p) && !strings.Contains(p, "/node_modules/") {
			w.Sources = append(w.Sources, filepath.FromSlash(p))
			w.SourceBytes += int64(len(c))
		}
	}
	sort.Strings(w.Sources)
	if g.hub != nil && g.opts.Files >= HubMinFiles {
		w.Hub = filepath.FromSlash(g.hub.path)
		for _, m := range g.mods {
			for _, d := range m.deps {
				if d.m == g.hub {
					w.HubImporters = append(w.HubImporters, filepath.FromSlash(m.path))
					break
				}
			}
		}
		sort.Strings(w.HubImporters)
	}
	if g.large != nil {
		w.Large = filepath.FromSlash(g.large.path)
	}
	for _, mk := range g.mistakes {
		w.Mistakes = append(w.Mistakes, Mistake{Path: filepath.FromSlash(mk.Path), Rule: mk.Rule, What: mk.What})
	}
	for _, u := range g.apps {
		w.Apps = append(w.Apps, filepath.FromSlash(u.dir))
	}
	for _, u := range g.pkgs {
		w.Packages = append(w.Packages, filepath.FromSlash(u.dir))
	}
	return w
}

// relSpec is the relative import specifier of to from the directory
// fromDir: "./x", "../lib/x".
func relSpec(fromDir, to string) string {
	r := relPath(fromDir, to)
	if !strings.HasPrefix(r, "../") {
		r = "./" + r
	}
	return r
}

// relPath is path.Rel for clean absolute slash paths.
func relPath(base, target string) string {
	bs := strings.Split(strings.Trim(base, "/"), "/")
	ts := strings.Split(strings.Trim(target, "/"), "/")
	i := 0
	for i < len(bs) && i < len(ts) && bs[i] == ts[i] {
		i++
	}
	var b strings.Builder
	for range len(bs) - i {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(ts[i:], "/"))
	return path.Clean(b.String())
}
