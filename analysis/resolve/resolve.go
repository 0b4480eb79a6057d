// Package resolve finds the file an import specifier refers to, the way
// Next.js (webpack), TypeScript and Node.js do: relative paths with
// extension and index probing, tsconfig/jsconfig "paths" and "baseUrl",
// monorepo workspace packages, node_modules with package.json "exports",
// "imports" and main fields, and Node.js builtins.
//
// The resolver reads files only through a vfs.FS and caches everything it
// learns, so it is meant to live for one snapshot of the file system.
package resolve

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/rscls/rscls/analysis/vfs"
)

// Env selects the module graph an import is resolved for; it decides which
// package.json conditions apply.
type Env uint8

const (
	// Server is the React Server Components graph: conditions react-server,
	// node, import (or require), default.
	Server Env = iota
	// Client is the browser graph: conditions browser, import (or require),
	// default.
	Client
)

func (e Env) String() string {
	if e == Client {
		return "client"
	}
	return "server"
}

// Kind says what a specifier resolved to.
type Kind uint8

const (
	NotFound Kind = iota
	File          // a JS/TS source file
	Asset         // an existing file that is not JS/TS: css, json, svg, images...
	Builtin       // a Node.js builtin such as "fs" or "node:test"
)

func (k Kind) String() string {
	switch k {
	case File:
		return "file"
	case Asset:
		return "asset"
	case Builtin:
		return "builtin"
	}
	return "not found"
}

// Result is the outcome of one resolution.
type Result struct {
	Kind Kind
	// Path is absolute with symlinks resolved, so a file reached through a
	// pnpm link and through its real location has one Path. Empty for
	// Builtin and NotFound.
	Path string
	// Package is the package name when the import went through node_modules
	// or a workspace package by name; "" for local files.
	Package    string
	PackageDir string // real directory of Package
	Reason     string // NotFound only: why, for messages
	Cause      Cause  // NotFound only: why, as a kind
}

// Cause says, of an import that resolves to nothing, what kind of miss it
// is, so that misses can be counted by kind.
type Cause uint8

const (
	CauseNone           Cause = iota
	CauseNotInstalled         // a package that no node_modules holds
	CauseMissingFile          // a relative or absolute path to no file
	CausePaths                // a specifier that tsconfig paths map to no file
	CausePackageExport        // an installed package that has no such entry or subpath
	CausePackageImports       // a # specifier that package.json "imports" does not map to a file
	CauseUnsupported          // URL imports, unknown node: builtins, invalid names
)

// Causes lists the causes of a miss, in the order to report them.
var Causes = []Cause{CauseNotInstalled, CauseMissingFile, CausePaths, CausePackageExport, CausePackageImports, CauseUnsupported}

func (c Cause) String() string {
	switch c {
	case CauseNotInstalled:
		return "package not installed"
	case CauseMissingFile:
		return "no such file"
	case CausePaths:
		return "tsconfig paths match no file"
	case CausePackageExport:
		return "not exported by its package"
	case CausePackageImports:
		return "package.json imports match no file"
	case CauseUnsupported:
		return "unsupported specifier"
	}
	return "resolved"
}

// because sets the cause of a miss that has none yet.
func because(res Result, c Cause) Result {
	if res.Kind == NotFound && res.Cause == CauseNone {
		res.Cause = c
	}
	return res
}

// Found reports whether the specifier resolved to a file or builtin.
func (r Result) Found() bool { return r.Kind != NotFound }

// Options configure a Resolver.
type Options struct {
	// Workspaces maps monorepo package names to their directories. They are
	// consulted before node_modules so imports of workspace packages resolve
	// on a fresh clone with no node_modules.
	Workspaces map[string]string
	// Listings are directory listings read a moment before (by the
	// workspace's discovery), used instead of reading those directories
	// again.
	Listings map[string][]vfs.DirEntry
}

// Resolver resolves import specifiers. It is safe for concurrent use and
// caches directory listings, package.json and tsconfig files and results
// for its whole life, so create one per file system snapshot.
type Resolver struct {
	fs   vfs.FS
	opts Options

	listings  *syncCache[string, *dirListing]
	packages  *syncCache[string, *packageJSON]
	tsFiles   *syncCache[string, *tsconfigFile]
	tsMerged  *syncCache[string, *TSConfig]
	tsForDir  *syncCache[string, *TSConfig]
	realPaths *syncCache[string, string]
	realDirs  *syncCache[string, knownDir]
	// nodeModules holds, per directory, the node_modules directories
	// above it (nodeModulesFrom).
	nodeModules *syncCache[string, []string]
	dirs        *syncCache[string, *DirResolver]
}

// DirResolver resolves the imports of the files of one directory, and
// keeps their results. Resolving a file's imports through it hashes the
// directory's path once, not once per import: on a warm start, looking
// results up cost more than finding them.
type DirResolver struct {
	r       *Resolver
	dir     string
	mu      sync.RWMutex
	results map[resultKey]Result
}

type resultKey struct {
	specifier string
	env       Env
	require   bool
}

// New returns a resolver reading through fsys.
func New(fsys vfs.FS, opts Options) *Resolver {
	ws := make(map[string]string, len(opts.Workspaces))
	for name, dir := range opts.Workspaces {
		ws[name] = filepath.Clean(dir)
	}
	opts.Workspaces = ws
	return &Resolver{
		fs:          fsys,
		opts:        opts,
		listings:    newSyncCache[string, *dirListing](),
		packages:    newSyncCache[string, *packageJSON](),
		tsFiles:     newSyncCache[string, *tsconfigFile](),
		tsMerged:    newSyncCache[string, *TSConfig](),
		tsForDir:    newSyncCache[string, *TSConfig](),
		realPaths:   newSyncCache[string, string](),
		realDirs:    newSyncCache[string, knownDir](),
		dirs:        newSyncCache[string, *DirResolver](),
		nodeModules: newSyncCache[string, []string](),
	}
}

// Resolve resolves specifier as imported from the file importer (an
// absolute path). require selects the "require" condition instead of
// "import". Failures come back as Kind NotFound with a Reason.
func (r *Resolver) Resolve(importer, specifier string, env Env, require bool) Result {
	return r.ForImporter(importer).Resolve(specifier, env, require)
}

// ForImporter returns the resolver of the imports of the file importer
// (an absolute path): that of its directory.
func (r *Resolver) ForImporter(importer string) *DirResolver {
	dir := filepath.Dir(importer)
	if d, ok := r.dirs.get(dir); ok {
		return d
	}
	return r.dirs.put(dir, &DirResolver{r: r, dir: dir, results: map[resultKey]Result{}})
}

// Resolve resolves specifier as imported from a file of d's directory,
// as Resolver.Resolve does.
func (d *DirResolver) Resolve(specifier string, env Env, require bool) Result {
	key := resultKey{specifier: specifier, env: env, require: require}
	d.mu.RLock()
	res, ok := d.results[key]
	d.mu.RUnlock()
	if ok {
		return res
	}
	res = d.r.resolveClean(d.dir, specifier, env, require)
	d.mu.Lock()
	if old, ok := d.results[key]; ok {
		res = old // another goroutine was first; the results are the same
	} else {
		d.results[key] = res
	}
	d.mu.Unlock()
	return res
}

// resolveClean resolves specifier from dir and puts the result in its
// final form.
func (r *Resolver) resolveClean(dir, specifier string, env Env, require bool) Result {
	res := r.resolve(dir, specifier, request{env: env, require: require})
	if res.Kind == File || res.Kind == Asset {
		res.Path = r.realPath(res.Path)
	}
	if res.PackageDir != "" {
		res.PackageDir = r.realPath(res.PackageDir)
	}
	if res.Kind != File && res.Kind != Asset {
		res.Path = ""
	}
	if res.Kind != NotFound {
		res.Reason, res.Cause = "", CauseNone
	} else if res.Cause == CauseNone {
		res.Cause = CauseUnsupported
	}
	return res
}

// request carries what the active conditions depend on.
type request struct {
	env     Env
	require bool
}

// matches reports whether a package.json condition is active.
func (q request) matches(condition string) bool {
	switch condition {
	case "default":
		return true
	case "import":
		return !q.require
	case "require":
		return q.require
	case "react-server", "node":
		return q.env == Server
	case "browser":
		return q.env == Client
	}
	return false
}

func notFound(format string, args ...any) Result {
	return Result{Kind: NotFound, Reason: fmt.Sprintf(format, args...)}
}

func (r *Resolver) resolve(dir, specifier string, q request) Result {
	spec := stripQuery(specifier)
	switch {
	case spec == "":
		return because(notFound("empty specifier %q", specifier), CauseUnsupported)
	case isRelative(spec) || isAbsolute(spec):
		p := filepath.FromSlash(spec)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		res := r.loadPath(p, dirOnly(spec), q)
		if res.Kind == NotFound {
			res.Reason = fmt.Sprintf("cannot find module %q%s", specifier, r.declarationHint(p))
		}
		return because(res, CauseMissingFile)
	case spec[0] == '#':
		// TypeScript, and Next.js after it, apply tsconfig paths to any
		// non-relative specifier before package.json "imports":
		// `"#/*": ["./*"]` is a common alias.
		if cfg := r.tsconfigForDir(dir); cfg != nil && cfg.Err == nil {
			if res, _ := r.resolvePaths(cfg, spec, q); res.Kind != NotFound {
				return res
			}
		}
		return because(r.resolveImports(dir, spec, q), CausePackageImports)
	}
	return r.resolveBare(dir, spec, q, true)
}

// resolveBare resolves a package-like specifier: tsconfig paths and baseUrl
// (when useTSConfig), builtins, workspace packages, the importer's own
// package and node_modules.
func (r *Resolver) resolveBare(dir, spec string, q request, useTSConfig bool) Result {
	if name, ok := strings.CutPrefix(spec, "node:"); ok {
		if IsBuiltin(spec) {
			return Result{Kind: Builtin}
		}
		return because(notFound("unknown Node.js builtin %q", "node:"+name), CauseUnsupported)
	}
	pathsPattern := ""
	if useTSConfig {
		if cfg := r.tsconfigForDir(dir); cfg != nil && cfg.Err == nil {
			res, pattern := r.resolvePaths(cfg, spec, q)
			if res.Kind != NotFound {
				return res
			}
			pathsPattern = pattern
			if cfg.BaseURL != "" {
				if res := r.loadPath(filepath.Join(cfg.BaseURL, filepath.FromSlash(spec)), dirOnly(spec), q); res.Kind != NotFound {
					return res
				}
			}
		}
	}
	if hasURLScheme(spec) {
		return because(notFound("URL imports are not supported: %q", spec), CauseUnsupported)
	}
	// Node.js builtins win over packages on the server; in the browser an
	// installed package of the same name (a polyfill) wins.
	if q.env == Server && nodeBuiltins[spec] {
		return Result{Kind: Builtin}
	}
	name, subpath, ok := splitPackageSpecifier(spec)
	if ok {
		if wsDir, found := r.opts.Workspaces[name]; found {
			return because(r.resolvePackage(name, wsDir, subpath, q), CausePackageExport)
		}
		if pj := r.nearestPackageJSON(dir); pj != nil && pj.name == name && pj.exports != nil {
			return because(r.resolvePackage(name, pj.dir, subpath, q), CausePackageExport)
		}
		if pkgDir := r.findNodeModule(dir, name); pkgDir != "" {
			return because(r.resolvePackage(name, pkgDir, subpath, q), CausePackageExport)
		}
	}
	if q.env == Client && nodeBuiltins[spec] {
		return Result{Kind: Builtin}
	}
	switch {
	case pathsPattern == "*" && ok:
		// A catch-all pattern matches every package name: the package is
		// what is missing.
		return because(notFound("package %q is not installed (and no file matches tsconfig paths %q)", name, pathsPattern), CauseNotInstalled)
	case pathsPattern != "":
		return because(notFound("cannot find module %q: no file matches tsconfig paths %q", spec, pathsPattern), CausePaths)
	case !ok:
		return because(notFound("invalid package name in %q", spec), CauseUnsupported)
	}
	return because(notFound("package %q is not installed", name), CauseNotInstalled)
}

// splitPackageSpecifier splits "name/sub/path" or "@scope/name/sub" into the
// package name and a "./sub/path" subpath ("." for the package itself).
func splitPackageSpecifier(spec string) (name, subpath string, ok bool) {
	end := strings.IndexByte(spec, '/')
	if strings.HasPrefix(spec, "@") {
		if end <= 1 {
			return "", "", false
		}
		rest := spec[end+1:]
		nameEnd := strings.IndexByte(rest, '/')
		switch {
		case nameEnd == 0 || rest == "":
			return "", "", false
		case nameEnd < 0:
			end = len(spec)
		default:
			end += 1 + nameEnd
		}
	} else if end < 0 {
		end = len(spec)
	}
	name = spec[:end]
	if name == "" || name[0] == '.' || strings.ContainsAny(name, `\%`) {
		return "", "", false
	}
	return name, "." + spec[end:], true
}

func isRelative(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../")
}

func isAbsolute(spec string) bool {
	return strings.HasPrefix(spec, "/") || filepath.IsAbs(filepath.FromSlash(spec))
}

// dirOnly reports whether a specifier can only name a directory: "./dir/",
// ".", "..".
func dirOnly(spec string) bool {
	return strings.HasSuffix(spec, "/") || spec == "." || spec == ".." || strings.HasSuffix(spec, "/.") || strings.HasSuffix(spec, "/..")
}

// hasURLScheme reports "data:", "http:" and similar specifiers (but not a
// Windows drive letter).
func hasURLScheme(spec string) bool {
	colon := strings.IndexByte(spec, ':')
	if colon < 2 {
		return false
	}
	for _, c := range spec[:colon] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// stripQuery drops bundler query strings and fragments: "./x.svg?url",
// "./x.css#hash". A leading "#" is a package import, not a fragment.
func stripQuery(spec string) string {
	if i := strings.IndexByte(spec, '?'); i >= 0 {
		spec = spec[:i]
	}
	if i := strings.IndexByte(spec, '#'); i > 0 {
		spec = spec[:i]
	}
	return spec
}
