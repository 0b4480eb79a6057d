package resolve

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// TSConfig is the effective module-resolution part of a tsconfig.json or
// jsconfig.json, with its "extends" chain merged.
type TSConfig struct {
	Path string // the tsconfig.json or jsconfig.json file
	// Chain lists the files that were merged, bases first, ending with Path.
	Chain []string
	// BaseURL is the absolute "baseUrl" directory, "" when unset.
	BaseURL string
	// Paths are the "paths" mappings in declaration order; PathsBase is
	// the directory their targets are relative to (BaseURL if set, else
	// the directory of the file that defines "paths").
	Paths     []PathMapping
	PathsBase string
	// VerbatimModuleSyntax is compilerOptions.verbatimModuleSyntax: imports
	// are kept as written, except those marked type (see graph.Load).
	VerbatimModuleSyntax bool
	// Err is set when Path itself cannot be read or parsed; the config
	// then contributes no options.
	Err error
	// Warnings are problems in the "extends" chain (missing or broken
	// bases, cycles); the rest of the chain still applies.
	Warnings []string
}

// PathMapping is one "paths" entry.
type PathMapping struct {
	Pattern string   // "@/*" or an exact name
	Targets []string // tried in order, "*" replaced by what the pattern matched
}

// tsconfigFile is one parsed file of an extends chain.
type tsconfigFile struct {
	root *jsonObject
	err  error
}

// maxExtendsDepth stops pathological chains that are not cycles.
const maxExtendsDepth = 32

// maxExtendsEntries bounds the "extends" entries followed for one
// configuration. A base is merged again wherever it is named, so files
// that each name the next one twice cost 2^depth merges; real chains
// follow a handful.
const maxExtendsEntries = 256

// ConfigProblem is a problem in a tsconfig.json or jsconfig.json.
type ConfigProblem struct {
	Path    string // the configuration that resolution used
	Message string
}

// ConfigProblems returns the problems of every tsconfig.json and
// jsconfig.json that resolution has used so far, sorted: a file that
// cannot be read or parsed, and the parts of an "extends" chain or of
// "paths" that were ignored. Without them a broken alias would only show
// as imports that do not resolve.
func (r *Resolver) ConfigProblems() []ConfigProblem {
	var out []ConfigProblem
	for _, cfg := range r.tsMerged.values() {
		if cfg.Err != nil {
			msg := strings.TrimPrefix(cfg.Err.Error(), cfg.Path+": ")
			out = append(out, ConfigProblem{cfg.Path, "ignored, so its \"paths\" and \"baseUrl\" do not apply: " + msg})
		}
		for _, w := range cfg.Warnings {
			out = append(out, ConfigProblem{cfg.Path, strings.TrimPrefix(w, cfg.Path+": ")})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Message < out[j].Message
	})
	return out
}

// TSConfigFor returns the tsconfig.json or jsconfig.json governing file:
// the nearest one in its directory or an ancestor (tsconfig.json wins in
// the same directory). Files inside node_modules have none: the project's
// aliases do not apply to installed packages. Returns nil if there is none.
func (r *Resolver) TSConfigFor(file string) *TSConfig {
	return r.tsconfigForDir(filepath.Dir(file))
}

func (r *Resolver) tsconfigForDir(dir string) *TSConfig {
	if cfg, ok := r.tsForDir.get(dir); ok {
		return cfg
	}
	var cfg *TSConfig
	switch {
	case inNodeModules(dir):
	case r.isFile(filepath.Join(dir, "tsconfig.json")):
		cfg = r.mergedTSConfig(filepath.Join(dir, "tsconfig.json"))
	case r.isFile(filepath.Join(dir, "jsconfig.json")):
		cfg = r.mergedTSConfig(filepath.Join(dir, "jsconfig.json"))
	default:
		if parent := filepath.Dir(dir); parent != dir {
			cfg = r.tsconfigForDir(parent)
		}
	}
	return r.tsForDir.put(dir, cfg)
}

func inNodeModules(dir string) bool {
	sep := string(filepath.Separator)
	return strings.Contains(dir+sep, sep+"node_modules"+sep)
}

func (r *Resolver) tsconfigFile(path string) *tsconfigFile {
	return r.tsFiles.getOrCompute(path, func() *tsconfigFile {
		data, err := r.fs.ReadFile(path)
		if err != nil {
			return &tsconfigFile{err: err}
		}
		plain, err := jsoncToJSON(data)
		if err == nil && len(bytes.TrimSpace(plain)) == 0 {
			// TypeScript accepts an empty (or comment-only) file as {}.
			return &tsconfigFile{root: &jsonObject{}}
		}
		var v any
		if err == nil {
			v, err = parseJSON(plain)
		}
		if err != nil {
			return &tsconfigFile{err: fmt.Errorf("%s: %w", path, err)}
		}
		obj, ok := v.(*jsonObject)
		if !ok {
			return &tsconfigFile{err: fmt.Errorf("%s: top level is not an object", path)}
		}
		return &tsconfigFile{root: obj}
	})
}

// mergeState accumulates compilerOptions along an extends chain; later
// files override earlier ones option by option.
type mergeState struct {
	configDir string // directory of the governing file, for ${configDir}
	baseURL   string
	paths     *jsonObject
	pathsDir  string
	verbatim  bool
	stack     []string // files being merged, to detect cycles
	entries   int      // "extends" entries followed so far
}

func (r *Resolver) mergedTSConfig(path string) *TSConfig {
	return r.tsMerged.getOrCompute(path, func() *TSConfig {
		cfg := &TSConfig{Path: path}
		file := r.tsconfigFile(path)
		if file.err != nil {
			cfg.Err = file.err
			cfg.Chain = []string{path}
			return cfg
		}
		st := &mergeState{configDir: filepath.Dir(path)}
		r.mergeInto(cfg, st, path, file)
		cfg.BaseURL = st.baseURL
		cfg.VerbatimModuleSyntax = st.verbatim
		if st.paths != nil {
			cfg.PathsBase = st.pathsDir
			if st.baseURL != "" {
				cfg.PathsBase = st.baseURL
			}
			cfg.Paths = pathMappings(st.paths, cfg)
		}
		return cfg
	})
}

// mergeInto applies the bases of file, then file itself.
func (r *Resolver) mergeInto(cfg *TSConfig, st *mergeState, path string, file *tsconfigFile) {
	st.stack = append(st.stack, path)
	defer func() { st.stack = st.stack[:len(st.stack)-1] }()

	var bases []string
	switch ext, _ := file.root.get("extends"); ext := ext.(type) {
	case nil:
	case string:
		bases = []string{ext}
	case []any:
		ignored := 0
		for _, e := range ext {
			if s, ok := e.(string); ok {
				bases = append(bases, s)
			} else {
				ignored++
			}
		}
		if ignored > 0 { // one warning, however long the array
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: ignoring %d non-string \"extends\" entries", path, ignored))
		}
	default:
		cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: \"extends\" must be a string or an array of strings", path))
	}
	for i, spec := range bases {
		if st.entries >= maxExtendsEntries {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: too many \"extends\" entries to follow; ignoring %d", path, len(bases)-i))
			break
		}
		st.entries++
		basePath, err := r.resolveExtends(path, spec, st.configDir)
		if err != nil {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: extends %q: %v", path, spec, err))
			continue
		}
		if contains(st.stack, basePath) {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: extends %q: cycle through %s", path, spec, basePath))
			continue
		}
		if len(st.stack) >= maxExtendsDepth {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: extends chain too long", path))
			continue
		}
		base := r.tsconfigFile(basePath)
		if base.err != nil {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: extends %q: %v", path, spec, base.err))
			continue
		}
		r.mergeInto(cfg, st, basePath, base)
	}

	dir := filepath.Dir(path)
	opts := file.root.getObject("compilerOptions")
	if v, ok := opts.get("baseUrl"); ok {
		switch v := v.(type) {
		case string:
			st.baseURL = joinConfigPath(dir, v, st.configDir)
		case nil: // null resets an inherited value
			st.baseURL = ""
		}
	}
	if v, ok := opts.get("paths"); ok {
		switch v := v.(type) {
		case *jsonObject:
			st.paths, st.pathsDir = v, dir
		case nil:
			st.paths, st.pathsDir = nil, ""
		}
	}
	if v, ok := opts.get("verbatimModuleSyntax"); ok {
		b, _ := v.(bool) // null resets an inherited value
		st.verbatim = b
	}
	cfg.Chain = append(cfg.Chain, path)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// joinConfigPath makes a tsconfig path option absolute, expanding
// ${configDir} (TypeScript 5.5) to the governing file's directory.
func joinConfigPath(dir, p, configDir string) string {
	if rest, ok := strings.CutPrefix(p, "${configDir}"); ok {
		return filepath.Join(configDir, filepath.FromSlash(rest))
	}
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// pathMappings converts a "paths" object, dropping invalid entries.
func pathMappings(obj *jsonObject, cfg *TSConfig) []PathMapping {
	var out []PathMapping
	for i, pattern := range obj.keys {
		if strings.Count(pattern, "*") > 1 {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("paths pattern %q has more than one \"*\"", pattern))
			continue
		}
		var targets []string
		switch v := obj.values[i].(type) {
		case []any:
			for _, t := range v {
				if s, ok := t.(string); ok && strings.Count(s, "*") <= 1 {
					targets = append(targets, s)
				}
			}
		case string: // TypeScript wants an array; accept the obvious intent
			targets = []string{v}
		}
		if len(targets) == 0 {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("paths pattern %q has no valid targets", pattern))
			continue
		}
		out = append(out, PathMapping{Pattern: pattern, Targets: targets})
	}
	return out
}

// resolveExtends finds the file an "extends" entry names: a path relative to
// the extending file (".json" optional) or a package file resolved through
// workspaces and node_modules.
func (r *Resolver) resolveExtends(from, spec, configDir string) (string, error) {
	dir := filepath.Dir(from)
	if spec == "" {
		return "", errors.New("empty path")
	}
	if isRelative(spec) || isAbsolute(spec) || strings.HasPrefix(spec, "${configDir}") {
		p := joinConfigPath(dir, spec, configDir)
		if r.isFile(p) {
			return p, nil
		}
		if !strings.HasSuffix(p, ".json") && r.isFile(p+".json") {
			return p + ".json", nil
		}
		return "", errors.New("file not found")
	}
	name, subpath, ok := splitPackageSpecifier(spec)
	if !ok {
		return "", errors.New("invalid package name")
	}
	pkgDir, found := r.opts.Workspaces[name]
	if !found {
		pkgDir = r.findNodeModule(dir, name)
	}
	if pkgDir == "" {
		return "", fmt.Errorf("package %q is not installed", name)
	}
	pj := r.packageJSON(pkgDir)
	if subpath == "." {
		if pj != nil && pj.tsconfig != "" {
			if p := filepath.Join(pkgDir, filepath.FromSlash(pj.tsconfig)); r.isFile(p) {
				return p, nil
			}
		}
		if p := filepath.Join(pkgDir, "tsconfig.json"); r.isFile(p) {
			return p, nil
		}
		return "", fmt.Errorf("package %q has no tsconfig.json", name)
	}
	p := filepath.Join(pkgDir, filepath.FromSlash(subpath))
	if !within(pkgDir, p) {
		return "", errors.New("path leaves the package")
	}
	switch {
	case r.isFile(p):
		return p, nil
	case !strings.HasSuffix(p, ".json") && r.isFile(p+".json"):
		return p + ".json", nil
	case r.isFile(filepath.Join(p, "tsconfig.json")):
		return filepath.Join(p, "tsconfig.json"), nil
	}
	// Packages may expose their configs only through "exports".
	if pj != nil && pj.exports != nil {
		for _, sub := range []string{subpath, subpath + ".json"} {
			if res := r.resolveExports(pj, sub, request{env: Server, require: true}); res.Kind != NotFound {
				return res.Path, nil
			}
		}
	}
	return "", fmt.Errorf("no file %q in package %q", subpath, name)
}

// resolvePaths applies tsconfig "paths": an exact pattern wins, else the
// wildcard pattern with the longest prefix; each of its targets is tried in
// order. It returns the pattern that matched even when no target exists.
func (r *Resolver) resolvePaths(cfg *TSConfig, spec string, q request) (Result, string) {
	var best *PathMapping
	star := ""
	bestPrefix := -1
	for i := range cfg.Paths {
		m := &cfg.Paths[i]
		prefix, suffix, wildcard := strings.Cut(m.Pattern, "*")
		if !wildcard {
			if m.Pattern == spec {
				best, star = m, ""
				break
			}
			continue
		}
		if len(prefix) > bestPrefix && len(spec) >= len(prefix)+len(suffix) &&
			strings.HasPrefix(spec, prefix) && strings.HasSuffix(spec, suffix) {
			best, bestPrefix = m, len(prefix)
			star = spec[len(prefix) : len(spec)-len(suffix)]
		}
	}
	if best == nil {
		return Result{Kind: NotFound}, ""
	}
	configDir := filepath.Dir(cfg.Path)
	for _, target := range best.Targets {
		t := strings.Replace(target, "*", star, 1)
		p := joinConfigPath(cfg.PathsBase, t, configDir)
		if res := r.loadPath(p, dirOnly(t), q); res.Kind != NotFound {
			return res, best.Pattern
		}
	}
	return Result{Kind: NotFound}, best.Pattern
}
