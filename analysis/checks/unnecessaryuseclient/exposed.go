package unnecessaryuseclient

import (
	"encoding/json"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/graph"
)

// exposed reports whether code the graph does not see may import m from
// a Server Component, so that m's 'use client' is what makes it a Client
// Component for them: a shared library's modules, whatever its users in
// this workspace do today. It holds for
//
//   - sources of a shadcn-style registry (a registry/ directory beside a
//     registry.json), which are copied into other projects;
//   - a module that a module of another package imports, through modules
//     that are not boundaries themselves (a workspace package imported by
//     name);
//   - in a package published under a name (not "private"): any module
//     without an "exports" map, since each can be imported by path; a
//     module that one of its "exports" names, or that one reaches through
//     modules that are not boundaries; and any module when an export leads
//     to a file the graph does not follow (built output, a pattern, a
//     module no environment reaches), since what that export reaches is
//     unknown.
func exposed(pass *analysis.Pass, m *graph.Module) bool {
	root := strings.TrimSuffix(filepath.ToSlash(m.Path), "/"+pass.Rel(m.Path))
	dir := path.Dir(filepath.ToSlash(m.Path))
	if registrySource(pass, root, dir) {
		return true
	}
	pkg := packageOf(pass, root, dir)
	if pkg == nil || pkg.Dir == appDir(pass) {
		return false // an app's own modules have no consumers but the app
	}
	public := pkg.Name != "" && !pkg.Private
	var entries []string
	if public {
		if pkg.Exports == nil {
			return true
		}
		var ok bool
		if entries, ok = pkg.entries(); !ok {
			return true
		}
		for _, e := range entries {
			em := pass.Graph.Module(filepath.FromSlash(e))
			if em == nil || !reached(pass, em) {
				return true
			}
		}
	}
	isEntry := func(p string) bool {
		for _, e := range entries {
			if e == p {
				return true
			}
		}
		return false
	}
	// Walk up the importers of m through modules that are not boundaries:
	// each is a way into m that does not pass another 'use client' first.
	seen := map[*graph.Module]bool{m: true}
	queue := []*graph.Module{m}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if isEntry(filepath.ToSlash(cur.Path)) {
			return true
		}
		for _, env := range graph.Envs {
			for _, e := range pass.Graph.Importers(cur, env) {
				from := e.From
				if !within(pkg.Dir, filepath.ToSlash(from.Path)) {
					return true // another package imports it
				}
				if seen[from] || from.Boundary {
					continue
				}
				seen[from] = true
				queue = append(queue, from)
			}
		}
	}
	return false
}

// reached reports whether any environment's graph reaches m, recording m
// as an input of the pass.
func reached(pass *analysis.Pass, m *graph.Module) bool {
	pass.Graph.BoundaryImporter(m) // records m
	return m.In(graph.Server) || m.In(graph.Client)
}

func within(dir, p string) bool { return strings.HasPrefix(p, dir+"/") }

// appDir returns the directory of the Next.js app the pass's file belongs
// to ("" outside any app): File.Rel is relative to it.
func appDir(pass *analysis.Pass) string {
	p := filepath.ToSlash(pass.File.Path)
	if d, ok := strings.CutSuffix(p, "/"+pass.File.Rel); ok {
		return d
	}
	return ""
}

// registrySource reports whether a directory named registry, between the
// workspace root and dir, has a registry.json beside it: the layout of a
// shadcn registry, whose sources other projects copy in.
func registrySource(pass *analysis.Pass, root, dir string) bool {
	for d := dir; within(root, d) || d == root; d = path.Dir(d) {
		if path.Base(d) == "registry" {
			if _, err := pass.ReadFile(filepath.FromSlash(path.Join(path.Dir(d), "registry.json"))); err == nil {
				return true
			}
		}
		if d == root {
			break
		}
	}
	return false
}

// pkgJSON is what the check reads of a package.json.
type pkgJSON struct {
	Dir     string          `json:"-"`
	Name    string          `json:"name"`
	Private bool            `json:"private"`
	Exports json.RawMessage `json:"exports"`
	// files and filesKnown are what entries returns, read once. A
	// pkgJSON is shared and never changed after parsePackage.
	files      []string
	filesKnown bool
}

// packageOf returns the nearest package.json at or above dir, up to the
// workspace root, or nil.
func packageOf(pass *analysis.Pass, root, dir string) *pkgJSON {
	for d := dir; ; d = path.Dir(d) {
		if data, err := pass.ReadFile(filepath.FromSlash(path.Join(d, "package.json"))); err == nil {
			return parsePackage(d, data)
		}
		if d == root || !within(root, d) {
			return nil
		}
	}
}

// parsedPackages keeps package.json files parsed, by directory and text:
// every 'use client' module of a package asks for the same one, and a
// large "exports" map costs more to parse than the rest of the check.
// The text is part of the key, so an edited package.json is read again;
// the map is emptied when it grows past a few hundred texts.
var parsedPackages = struct {
	sync.Mutex
	m map[string]*pkgJSON
}{m: map[string]*pkgJSON{}}

func parsePackage(dir string, data []byte) *pkgJSON {
	key := dir + "\x00" + string(data)
	parsedPackages.Lock()
	p, ok := parsedPackages.m[key]
	parsedPackages.Unlock()
	if ok {
		return p
	}
	p = &pkgJSON{Dir: dir}
	if json.Unmarshal(data, p) != nil {
		// A package.json that does not parse says nothing of its
		// exports: read it as a package that exports everything.
		p.Name, p.Private, p.Exports = "?", false, nil
	}
	if string(p.Exports) == "null" {
		p.Exports = nil
	}
	p.files, p.filesKnown = p.readEntries()
	parsedPackages.Lock()
	if len(parsedPackages.m) >= 512 {
		clear(parsedPackages.m)
	}
	parsedPackages.m[key] = p
	parsedPackages.Unlock()
	return p
}

// entries returns the files the package's "exports" map points at, as
// slash paths. ok is false when one cannot be known: a pattern, or a
// target outside the package.
func (p *pkgJSON) entries() (files []string, ok bool) { return p.files, p.filesKnown }

func (p *pkgJSON) readEntries() (files []string, ok bool) {
	if p.Exports == nil {
		return nil, false
	}
	var targets []string
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case string:
			targets = append(targets, v)
		case []any:
			for _, x := range v {
				collect(x)
			}
		case map[string]any:
			for _, x := range v {
				collect(x)
			}
		}
	}
	var v any
	if json.Unmarshal(p.Exports, &v) != nil {
		return nil, false
	}
	collect(v)
	for _, t := range targets {
		if strings.Contains(t, "*") || !strings.HasPrefix(t, "./") {
			return nil, false
		}
		f := path.Join(p.Dir, t)
		switch {
		case !within(p.Dir, f):
			return nil, false
		case strings.HasSuffix(f, ".d.ts"), strings.HasSuffix(f, ".d.mts"), strings.HasSuffix(f, ".d.cts"),
			strings.HasSuffix(f, ".css"), strings.HasSuffix(f, ".json"), strings.HasSuffix(f, "/package.json"):
			continue // no code
		}
		files = append(files, f)
	}
	return files, true
}
