package resolve

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/rscls/rscls/analysis/vfs"
)

// probeExtensions is the order in which extensions are tried for an import
// without one, as Next.js and TypeScript do.
var probeExtensions = []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"}

// tsSubstitutes maps a JavaScript extension written in an import to the
// TypeScript files it may stand for (TypeScript's ESM style: "./x.js" means
// x.ts).
var tsSubstitutes = map[string][]string{
	".js":  {".ts", ".tsx"},
	".jsx": {".tsx"},
	".mjs": {".mts"},
	".cjs": {".cts"},
}

var sourceExtensions = toSet(probeExtensions...)

// IsSourceFile reports whether name is a JS/TS module (declaration files
// are not).
func IsSourceFile(name string) bool {
	return sourceExtensions[filepath.Ext(name)] && !isDeclaration(name)
}

// isDeclaration reports type-only files: x.d.ts, x.d.mts, x.d.cts and
// TypeScript's declarations for arbitrary extensions such as x.d.css.ts.
func isDeclaration(name string) bool {
	ext := filepath.Ext(name)
	if ext != ".ts" && ext != ".mts" && ext != ".cts" {
		return false
	}
	stem := name[:len(name)-len(ext)]
	if strings.HasSuffix(stem, ".d") {
		return true
	}
	inner := filepath.Ext(stem)
	return inner != "" && strings.HasSuffix(stem[:len(stem)-len(inner)], ".d")
}

type entryKind uint8

const (
	entryFile entryKind = iota + 1
	entryDir
	entryLink // a symlink that seemed to point to a file: confirm with Stat
)

// dirListing caches one ReadDir, so probing many candidate names costs one
// call per directory.
type dirListing struct {
	entries map[string]entryKind // nil when the directory does not exist
	useStat bool                 // listing failed for another reason: Stat each path
}

func (r *Resolver) listing(dir string) *dirListing {
	return r.listings.getOrCompute(dir, func() *dirListing {
		entries, ok := r.opts.Listings[dir]
		var err error
		if !ok {
			entries, err = r.fs.ReadDir(dir)
		}
		if err != nil {
			if vfs.IsNotExist(err) {
				return &dirListing{}
			}
			// The directory may exist but be unlistable (or be a file).
			if fi, statErr := r.fs.Stat(dir); statErr == nil && fi.IsDir {
				return &dirListing{useStat: true}
			}
			return &dirListing{}
		}
		m := make(map[string]entryKind, len(entries))
		for _, e := range entries {
			switch {
			case e.IsDir:
				m[e.Name] = entryDir
			case e.IsSymlink:
				m[e.Name] = entryLink
			default:
				m[e.Name] = entryFile
			}
		}
		return &dirListing{entries: m}
	})
}

// lookup reports whether path names an existing file or directory.
func (r *Resolver) lookup(path string) (isFile, isDir bool) {
	dir, name := filepath.Dir(path), filepath.Base(path)
	if dir == path { // the root
		l := r.listing(path)
		return false, l.entries != nil || l.useStat
	}
	l := r.listing(dir)
	if l.useStat {
		return r.stat(path)
	}
	switch l.entries[name] {
	case entryFile:
		return true, false
	case entryDir:
		return false, true
	case entryLink:
		return r.stat(path)
	}
	return false, false
}

// hasFile reports whether stem+suffix is a file, other than a declaration
// file, in dir, whose listing is l. The name is only built on a hit, so
// misses (most probes) do not allocate.
func (r *Resolver) hasFile(l *dirListing, dir, stem, suffix string) bool {
	if l.useStat {
		return r.confirmFile(dir, stem+suffix)
	}
	switch l.entries[stem+suffix] {
	case entryFile:
		return !isDeclaration(stem + suffix)
	case entryLink:
		return r.confirmFile(dir, stem+suffix)
	}
	return false
}

func (r *Resolver) confirmFile(dir, name string) bool {
	if isDeclaration(name) {
		return false
	}
	f, _ := r.stat(filepath.Join(dir, name))
	return f
}

func (r *Resolver) stat(path string) (isFile, isDir bool) {
	fi, err := r.fs.Stat(path)
	if err != nil {
		return false, false
	}
	return !fi.IsDir, fi.IsDir
}

func (r *Resolver) isFile(path string) bool {
	f, _ := r.lookup(path)
	return f
}

func (r *Resolver) isDir(path string) bool {
	_, d := r.lookup(path)
	return d
}

func (r *Resolver) realPath(path string) string {
	return r.realPaths.getOrCompute(path, func() string {
		// A file its directory lists as no link is in the directory's
		// real path: one resolution per directory instead of a system
		// call per file.
		if dir := filepath.Dir(path); dir != path {
			if l := r.listing(dir); !l.useStat && l.entries[filepath.Base(path)] == entryFile {
				if real, ok := r.realDir(dir); ok {
					return filepath.Join(real, filepath.Base(path))
				}
			}
		}
		if real, err := r.fs.RealPath(path); err == nil && real != "" {
			return filepath.Clean(real)
		}
		return path
	})
}

// realDir is the real path of a directory, when the file source can say.
func (r *Resolver) realDir(dir string) (string, bool) {
	v := r.realDirs.getOrCompute(dir, func() knownDir {
		if real, err := r.fs.RealPath(dir); err == nil && real != "" {
			return knownDir{filepath.Clean(real), true}
		}
		return knownDir{}
	})
	return v.path, v.ok
}

// knownDir is a directory's real path, when the file source could say.
type knownDir struct {
	path string
	ok   bool
}

// loadPath resolves an absolute path the way a relative import is: as a
// file (exact, TypeScript substitution, extension probing), then as a
// directory.
func (r *Resolver) loadPath(path string, dirOnly bool, q request) Result {
	if !dirOnly {
		if res := r.loadFile(path); res.Kind != NotFound {
			return res
		}
	}
	if r.isDir(path) {
		return r.loadDir(path, q)
	}
	return Result{Kind: NotFound}
}

// loadFile resolves path as a file: the exact name, then TypeScript files a
// JavaScript extension stands for, then each probe extension appended.
// Declaration files never resolve.
func (r *Resolver) loadFile(path string) Result {
	dir, name := filepath.Dir(path), filepath.Base(path)
	if dir == path {
		return Result{Kind: NotFound}
	}
	l := r.listing(dir)
	if l.entries == nil && !l.useStat {
		return Result{Kind: NotFound}
	}
	ext := filepath.Ext(name)
	if r.hasFile(l, dir, name, "") {
		if sourceExtensions[ext] {
			return Result{Kind: File, Path: path}
		}
		return Result{Kind: Asset, Path: path}
	}
	if subs := tsSubstitutes[ext]; subs != nil {
		stem := name[:len(name)-len(ext)]
		for _, sub := range subs {
			if r.hasFile(l, dir, stem, sub) {
				return Result{Kind: File, Path: filepath.Join(dir, stem+sub)}
			}
		}
	}
	for _, ext := range probeExtensions {
		if r.hasFile(l, dir, name, ext) {
			return Result{Kind: File, Path: filepath.Join(dir, name+ext)}
		}
	}
	// webpack and TypeScript (resolveJsonModule) also complete ".json".
	if r.hasFile(l, dir, name, ".json") {
		return Result{Kind: Asset, Path: filepath.Join(dir, name+".json")}
	}
	return Result{Kind: NotFound}
}

// loadDir resolves a directory: its package.json ("exports" ".", then the
// main fields), then index files.
func (r *Resolver) loadDir(dir string, q request) Result {
	if pj := r.packageJSON(dir); pj != nil {
		if pj.exports != nil {
			if res := r.resolveExports(pj, ".", q); res.Kind != NotFound {
				return res
			}
		}
		if res := r.loadMainFields(pj, q); res.Kind != NotFound {
			return res
		}
	}
	return r.loadFile(filepath.Join(dir, "index"))
}

// loadMainFields resolves a package entry without "exports": for the
// browser a string "browser" field, then "module", then "main".
func (r *Resolver) loadMainFields(pj *packageJSON, q request) Result {
	fields := [3]string{"", pj.module, pj.main}
	if q.env == Client {
		fields[0] = pj.browser
	}
	for _, field := range fields {
		if field == "" {
			continue
		}
		p := filepath.Join(pj.dir, filepath.FromSlash(field))
		if !within(pj.dir, p) {
			continue
		}
		res := r.loadFile(p)
		if res.Kind == NotFound && p != pj.dir && r.isDir(p) {
			res = r.loadFile(filepath.Join(p, "index"))
		}
		if res.Kind != NotFound {
			return res
		}
	}
	return Result{Kind: NotFound}
}

// declarationHint explains a failed import when only a type declaration
// exists for it.
func (r *Resolver) declarationHint(path string) string {
	dir, name := filepath.Dir(path), filepath.Base(path)
	l := r.listing(dir)
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	for _, c := range [...]struct{ stem, suffix string }{{name, ".d.ts"}, {stem, ".d.ts"}, {name, ".d.mts"}, {name, ".d.cts"}} {
		if l.entries[c.stem+c.suffix] == entryFile {
			return fmt.Sprintf(" (only the type declaration %q exists)", c.stem+c.suffix)
		}
	}
	return ""
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	if path == dir {
		return true
	}
	return strings.HasPrefix(path, dir) && (strings.HasSuffix(dir, string(filepath.Separator)) || path[len(dir)] == filepath.Separator)
}
