package resolve

import (
	"path"
	"path/filepath"
	"strings"
)

// packageJSON holds the fields of a package.json that resolution uses.
// Fields of the wrong type are dropped; a file that does not parse has no
// fields at all.
type packageJSON struct {
	dir        string
	name       string
	main       string
	module     string
	browser    string            // the string form of "browser"
	browserMap map[string]string // the object form: package-relative file -> replacement
	exports    any               // nil when absent or null
	imports    *jsonObject
	tsconfig   string // the "tsconfig" field, for tsconfig "extends"
	// sideEffectsFree is "sideEffects": false. The list form, which names
	// the files that have side effects, counts as not free: bundlers
	// match it with globs, and missing a match would leave out a module
	// that runs.
	sideEffectsFree bool
	err             error
}

// packageJSON returns the parsed package.json of dir, or nil if there is none.
func (r *Resolver) packageJSON(dir string) *packageJSON {
	return r.packages.getOrCompute(dir, func() *packageJSON {
		file := filepath.Join(dir, "package.json")
		if !r.isFile(file) {
			return nil
		}
		pj := &packageJSON{dir: dir}
		data, err := r.fs.ReadFile(file)
		if err != nil {
			pj.err = err
			return pj
		}
		v, err := parseJSON(data)
		if err != nil {
			pj.err = err
			return pj
		}
		obj, _ := v.(*jsonObject)
		pj.name = obj.getString("name")
		pj.main = obj.getString("main")
		pj.module = obj.getString("module")
		pj.tsconfig = obj.getString("tsconfig")
		switch b, _ := obj.get("browser"); b := b.(type) {
		case string:
			pj.browser = b
		case *jsonObject:
			pj.browserMap = map[string]string{}
			for i, k := range b.keys {
				// Only file replacements; false (an empty module) and
				// module-name keys are ignored.
				if v, ok := b.values[i].(string); ok && isPackageRelative(k) && isPackageRelative(v) {
					pj.browserMap[cleanPackagePath(k)] = v
				}
			}
		}
		if v, ok := obj.get("sideEffects"); ok {
			pj.sideEffectsFree = v == false
		}
		pj.exports, _ = obj.get("exports")
		pj.imports = obj.getObject("imports")
		return pj
	})
}

func isPackageRelative(p string) bool {
	return strings.HasPrefix(p, "./") || (p != "" && !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "../") && strings.Contains(p, "."))
}

// cleanPackagePath normalizes "./lib/x.js" and "lib/x.js" to "lib/x.js".
func cleanPackagePath(p string) string {
	return path.Clean(strings.TrimPrefix(p, "./"))
}

// SideEffectsFree reports whether the package.json nearest to file (the
// one webpack and Turbopack read for it) says "sideEffects": false: its
// modules only define their exports, so the bundlers leave out a module
// none of whose exports is used.
func (r *Resolver) SideEffectsFree(file string) bool {
	pj := r.nearestPackageJSON(filepath.Dir(file))
	return pj != nil && pj.sideEffectsFree
}

// nearestPackageJSON returns the package.json of dir or its closest
// ancestor, or nil.
func (r *Resolver) nearestPackageJSON(dir string) *packageJSON {
	for {
		if pj := r.packageJSON(dir); pj != nil {
			return pj
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// findNodeModule looks for node_modules/<name> in dir and its ancestors.
func (r *Resolver) findNodeModule(dir, name string) string {
	rel := filepath.FromSlash(name)
	for _, nm := range r.nodeModulesFrom(dir) {
		if p := filepath.Join(nm, rel); r.isDir(p) {
			return p
		}
	}
	return ""
}

// nodeModulesFrom lists the node_modules directories a package import
// from dir looks in, nearest first. Kept per directory: the walk up is
// the same for every package a directory's files import, and most of
// the way it finds nothing.
func (r *Resolver) nodeModulesFrom(dir string) []string {
	if v, ok := r.nodeModules.get(dir); ok {
		return v
	}
	var own []string
	if filepath.Base(dir) != "node_modules" {
		if nm := filepath.Join(dir, "node_modules"); r.isDir(nm) {
			own = []string{nm}
		}
	}
	if parent := filepath.Dir(dir); parent != dir {
		if above := r.nodeModulesFrom(parent); len(above) > 0 {
			own = append(own[:len(own):len(own)], above...)
		}
	}
	return r.nodeModules.put(dir, own)
}

// resolvePackage resolves subpath ("." or "./x") of the package in pkgDir.
func (r *Resolver) resolvePackage(name, pkgDir, subpath string, q request) Result {
	pj := r.packageJSON(pkgDir)
	var res Result
	switch {
	case pj != nil && pj.exports != nil:
		res = r.resolveExports(pj, subpath, q)
	case subpath == ".":
		if pj != nil {
			res = r.loadMainFields(pj, q)
			if q.env == Client {
				res = r.browserRemap(pj, res)
			}
		}
		if res.Kind == NotFound {
			res = r.loadFile(filepath.Join(pkgDir, "index"))
		}
		if res.Kind == NotFound {
			res.Reason = "package \"" + name + "\" has no entry point (no main, module or index file)"
		}
	default:
		p := filepath.Join(pkgDir, filepath.FromSlash(subpath))
		if within(pkgDir, p) {
			res = r.loadPath(p, dirOnly(subpath), q)
		}
		if q.env == Client && pj != nil {
			res = r.browserRemap(pj, res)
		}
		if res.Kind == NotFound {
			res.Reason = "cannot find module \"" + name + subpath[1:] + "\" in package \"" + name + "\""
		}
	}
	if res.Kind == File || res.Kind == Asset {
		res.Package = name
		res.PackageDir = pkgDir
	}
	return res
}

// browserRemap applies the object form of the "browser" field, which swaps
// files of the package for browser versions.
func (r *Resolver) browserRemap(pj *packageJSON, res Result) Result {
	if len(pj.browserMap) == 0 || res.Kind == NotFound || !within(pj.dir, res.Path) {
		return res
	}
	rel, err := filepath.Rel(pj.dir, res.Path)
	if err != nil {
		return res
	}
	rel = filepath.ToSlash(rel)
	target, ok := pj.browserMap[rel]
	if !ok {
		target, ok = pj.browserMap[strings.TrimSuffix(rel, path.Ext(rel))]
	}
	if !ok {
		return res
	}
	p := filepath.Join(pj.dir, filepath.FromSlash(target))
	if !within(pj.dir, p) {
		return res
	}
	if swapped := r.loadFile(p); swapped.Kind != NotFound {
		return swapped
	}
	return res
}

// targetStatus distinguishes the ways a package.json target can fail.
type targetStatus uint8

const (
	targetResolved targetStatus = iota // a target was chosen (the file may still be missing)
	targetNoMatch                      // no condition matched
	targetNull                         // explicitly excluded with null
	targetInvalid                      // malformed or escaping target
)

// resolveExports resolves subpath through the "exports" of pj.
func (r *Resolver) resolveExports(pj *packageJSON, subpath string, q request) Result {
	label := pj.name
	if label == "" {
		label = filepath.Base(pj.dir)
	}
	var target any
	var subject string
	var pattern, matched bool
	if obj, ok := pj.exports.(*jsonObject); ok && hasSubpathKeys(obj) {
		target, subject, pattern, matched = matchSubpath(obj, subpath)
	} else if subpath == "." {
		target, matched = pj.exports, true // "exports" is the "." target itself
	}
	if !matched {
		return notFound("package %q does not export %q", label, subpath)
	}
	res, status := r.resolveTarget(pj, target, subject, pattern, false, q, 0)
	switch status {
	case targetNoMatch:
		return notFound("package %q has no %q export for the %s conditions", label, subpath, conditionNames(q))
	case targetNull:
		return notFound("package %q does not export %q (excluded by \"exports\")", label, subpath)
	case targetInvalid:
		res.Reason = "package \"" + label + "\": " + res.Reason
		return res
	}
	if res.Kind == NotFound {
		res.Reason = "package \"" + label + "\" export " + quote(subpath) + ": " + res.Reason
	}
	return res
}

// resolveImports resolves a "#name" specifier through the "imports" field of
// the package.json nearest to dir.
func (r *Resolver) resolveImports(dir, spec string, q request) Result {
	if spec == "#" || strings.HasPrefix(spec, "#/") {
		return notFound("invalid package import specifier %q", spec)
	}
	pj := r.nearestPackageJSON(dir)
	if pj == nil {
		return notFound("no package.json defines %q", spec)
	}
	where := filepath.Join(pj.dir, "package.json")
	if pj.imports == nil {
		return notFound("%q is not defined: %s has no \"imports\"", spec, where)
	}
	target, subject, pattern, matched := matchSubpath(pj.imports, spec)
	if !matched {
		return notFound("%q is not defined in the \"imports\" of %s", spec, where)
	}
	res, status := r.resolveTarget(pj, target, subject, pattern, true, q, 0)
	switch status {
	case targetNoMatch:
		return notFound("%q has no target for the %s conditions in %s", spec, conditionNames(q), where)
	case targetNull:
		return notFound("%q is excluded by the \"imports\" of %s", spec, where)
	case targetInvalid:
		res.Reason = quote(spec) + " in " + where + ": " + res.Reason
		return res
	}
	if res.Kind == NotFound {
		res.Reason = quote(spec) + " in " + where + ": " + res.Reason
	}
	return res
}

func quote(s string) string { return "\"" + s + "\"" }

func conditionNames(q request) string {
	mode := "import"
	if q.require {
		mode = "require"
	}
	if q.env == Client {
		return "browser/" + mode + "/default"
	}
	return "react-server/node/" + mode + "/default"
}

// hasSubpathKeys reports whether an "exports" object maps subpaths ("."
// keys) rather than being a conditions object for ".".
func hasSubpathKeys(obj *jsonObject) bool {
	for _, k := range obj.keys {
		if strings.HasPrefix(k, ".") {
			return true
		}
	}
	return false
}

// matchSubpath finds the entry of an "exports" or "imports" map for key:
// an exact key, else the "*" pattern with the longest prefix (then the
// longest key), as Node.js does. subject is the text "*" stands for.
func matchSubpath(obj *jsonObject, key string) (target any, subject string, pattern, ok bool) {
	if !strings.Contains(key, "*") {
		if v, found := obj.get(key); found {
			return v, "", false, true
		}
	}
	best := ""
	for i, k := range obj.keys {
		star := strings.IndexByte(k, '*')
		if star < 0 || strings.Count(k, "*") != 1 {
			continue
		}
		prefix, suffix := k[:star], k[star+1:]
		if !strings.HasPrefix(key, prefix) || key == prefix || !strings.HasSuffix(key, suffix) || len(key) < len(k) {
			continue
		}
		if best == "" || patternKeyBefore(k, best) {
			best = k
			target = obj.values[i]
			subject = key[len(prefix) : len(key)-len(suffix)]
		}
	}
	if best == "" {
		return nil, "", false, false
	}
	return target, subject, true, true
}

// patternKeyBefore orders pattern keys: longer prefix first, then longer key.
func patternKeyBefore(a, b string) bool {
	pa, pb := strings.IndexByte(a, '*'), strings.IndexByte(b, '*')
	if pa != pb {
		return pa > pb
	}
	return len(a) > len(b)
}

// maxTargetDepth bounds nested condition objects and arrays.
const maxTargetDepth = 32

// resolveTarget follows an "exports"/"imports" target: a string, an array of
// fallbacks, a conditions object or null.
func (r *Resolver) resolveTarget(pj *packageJSON, target any, subject string, pattern, imports bool, q request, depth int) (Result, targetStatus) {
	if depth > maxTargetDepth {
		return notFound("targets nested too deeply"), targetInvalid
	}
	switch t := target.(type) {
	case nil:
		return Result{Kind: NotFound}, targetNull
	case string:
		if pattern {
			t = strings.ReplaceAll(t, "*", subject)
		}
		if !strings.HasPrefix(t, "./") {
			// "imports" may point at another package.
			if imports && !strings.HasPrefix(t, "../") && !strings.HasPrefix(t, "/") && !strings.HasPrefix(t, "#") && !hasURLScheme(t) {
				return r.resolveBare(pj.dir, t, q, false), targetResolved
			}
			if strings.HasPrefix(t, "../") || strings.HasPrefix(t, "/") {
				return notFound("target %q points outside the package", t), targetInvalid
			}
			return notFound("invalid target %q (targets must start with \"./\")", t), targetInvalid
		}
		p := filepath.Join(pj.dir, filepath.FromSlash(t))
		if !within(pj.dir, p) || hasNodeModulesSegment(t) {
			return notFound("target %q points outside the package", t), targetInvalid
		}
		res := r.loadFile(p)
		if res.Kind == NotFound {
			res.Reason = "target " + quote(t) + " does not exist"
		}
		return res, targetResolved
	case []any:
		last, lastStatus := Result{Kind: NotFound}, targetNoMatch
		for _, item := range t {
			res, status := r.resolveTarget(pj, item, subject, pattern, imports, q, depth+1)
			if status == targetResolved && res.Kind != NotFound {
				return res, status
			}
			if status != targetNoMatch {
				last, lastStatus = res, status
			}
		}
		return last, lastStatus
	case *jsonObject:
		for i, cond := range t.keys {
			if !q.matches(cond) {
				continue
			}
			res, status := r.resolveTarget(pj, t.values[i], subject, pattern, imports, q, depth+1)
			if status == targetNoMatch {
				continue // a nested object without a matching condition: keep looking
			}
			return res, status
		}
		return Result{Kind: NotFound}, targetNoMatch
	}
	return notFound("invalid target of type %T", target), targetInvalid
}

func hasNodeModulesSegment(target string) bool {
	for _, seg := range strings.Split(target, "/")[1:] {
		if seg == "node_modules" || seg == ".." {
			return true
		}
	}
	return false
}
