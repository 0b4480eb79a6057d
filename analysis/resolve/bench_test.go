package resolve

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rscls/rscls/analysis/vfs"
)

// treeFS is an in-memory FS with precomputed listings. vfs.MapFS scans
// every key on ReadDir, which would make the benchmark measure MapFS.
type treeFS struct {
	files map[string]string
	dirs  map[string][]vfs.DirEntry
}

func newTreeFS(files map[string]string) *treeFS {
	t := &treeFS{files: files, dirs: map[string][]vfs.DirEntry{}}
	seen := map[string]bool{}
	for name := range files {
		child, isDir := name, false
		for {
			parent := filepath.Dir(child)
			if parent == child || seen[child] {
				break
			}
			seen[child] = true
			t.dirs[parent] = append(t.dirs[parent], vfs.DirEntry{Name: filepath.Base(child), IsDir: isDir})
			child, isDir = parent, true
		}
	}
	for _, entries := range t.dirs {
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	}
	return t
}

func (t *treeFS) ReadFile(p string) ([]byte, error) {
	if s, ok := t.files[p]; ok {
		return []byte(s), nil
	}
	return nil, &fs.PathError{Op: "read", Path: p, Err: fs.ErrNotExist}
}

func (t *treeFS) Stat(p string) (vfs.FileInfo, error) {
	if s, ok := t.files[p]; ok {
		return vfs.FileInfo{Size: int64(len(s))}, nil
	}
	if _, ok := t.dirs[p]; ok {
		return vfs.FileInfo{IsDir: true}, nil
	}
	return vfs.FileInfo{}, &fs.PathError{Op: "stat", Path: p, Err: fs.ErrNotExist}
}

func (t *treeFS) ReadDir(p string) ([]vfs.DirEntry, error) {
	if entries, ok := t.dirs[p]; ok {
		return entries, nil
	}
	return nil, &fs.PathError{Op: "readdir", Path: p, Err: fs.ErrNotExist}
}

func (t *treeFS) RealPath(p string) (string, error) {
	if _, err := t.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

type benchImport struct{ from, spec string }

// benchProject generates an app of n source files, each with ten imports:
// relative siblings and parents, tsconfig aliases, packages with exports
// and main fields, CSS and builtins, plus a few that do not resolve.
func benchProject(n int) (*treeFS, []benchImport) {
	files := map[string]string{
		"/w/package.json":  `{"name": "web", "imports": {"#config": "./src/config.ts"}}`,
		"/w/tsconfig.json": `{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./src/*"], "@ui/*": ["./src/components/ui/*"]}}}`,
		"/w/src/config.ts": ``,
	}
	pkgs := []string{"react", "react-dom", "next", "lodash", "date-fns", "@scope/icons", "@tanstack/query", "zod", "clsx", "swr"}
	for i, p := range pkgs {
		dir := "/w/node_modules/" + p
		if i%2 == 0 {
			files[dir+"/package.json"] = `{"name": "` + p + `", "exports": {".": {"react-server": "./server.js", "import": "./index.mjs", "default": "./index.js"}, "./*": "./dist/*.js", "./package.json": "./package.json"}}`
		} else {
			files[dir+"/package.json"] = `{"name": "` + p + `", "main": "./lib/index.js", "module": "./esm/index.mjs"}`
		}
		for _, f := range []string{"server.js", "index.mjs", "index.js", "lib/index.js", "esm/index.mjs", "lib/sub.js"} {
			files[dir+"/"+f] = ``
		}
		for j := range 20 {
			files[fmt.Sprintf("%s/dist/f%d.js", dir, j)] = ``
		}
	}
	var paths []string
	for i := range n {
		var p string
		switch i % 4 {
		case 0:
			p = fmt.Sprintf("/w/src/components/c%d/comp%d.tsx", i/40, i)
		case 1:
			p = fmt.Sprintf("/w/src/components/ui/u%d/ui%d.tsx", i/40, i)
		case 2:
			p = fmt.Sprintf("/w/src/lib/l%d/lib%d.ts", i/40, i)
		default:
			p = fmt.Sprintf("/w/src/app/r%d/page%d.tsx", i/40, i)
		}
		files[p] = ``
		paths = append(paths, p)
	}
	files["/w/src/styles/globals.css"] = ``
	var imports []benchImport
	for i, p := range paths {
		rel, _ := filepath.Rel(filepath.Dir(p), paths[(i+7)%n])
		alias := "@/" + trimExt(mustRel("/w/src", paths[(i*31+3)%n]))
		j := i + 4
		if j >= n || j/40 != i/40 {
			j = i - 4
		}
		sibling := "./" + trimExt(filepath.Base(paths[j]))
		pkg := pkgs[i%len(pkgs)]
		imports = append(imports,
			benchImport{p, rel},
			benchImport{p, trimExt(rel)},
			benchImport{p, sibling},
			benchImport{p, alias},
			benchImport{p, pkg},
			benchImport{p, subpathImport(pkgs, i)},
			benchImport{p, "@/styles/globals.css"},
			benchImport{p, "#config"},
			benchImport{p, []string{"fs", "node:path", "crypto"}[i%3]},
			benchImport{p, fmt.Sprintf("./missing%d", i%5)},
		)
	}
	return newTreeFS(files), imports
}

// subpathImport names a file inside a package: through the "./*" export
// for packages with exports, by its path for the others.
func subpathImport(pkgs []string, i int) string {
	k := (i + 1) % len(pkgs)
	if k%2 == 0 {
		return fmt.Sprintf("%s/f%d", pkgs[k], i%20)
	}
	return fmt.Sprintf("%s/dist/f%d", pkgs[k], i%20)
}

func trimExt(p string) string { return p[:len(p)-len(filepath.Ext(p))] }

func mustRel(base, p string) string {
	rel, err := filepath.Rel(base, p)
	if err != nil {
		panic(err)
	}
	return rel
}

func TestBenchProjectResolves(t *testing.T) {
	fsys, imports := benchProject(200)
	r := New(fsys, Options{})
	kinds := map[Kind]int{}
	for _, imp := range imports {
		res := r.Resolve(imp.from, imp.spec, Env(len(imp.spec)%2), false)
		kinds[res.Kind]++
		if missing := strings.HasPrefix(imp.spec, "./missing"); missing != (res.Kind == NotFound) {
			t.Errorf("%q from %q: %+v", imp.spec, imp.from, res)
		}
	}
	if kinds[File] != 7*200 || kinds[Asset] != 200 || kinds[Builtin] != 200 || kinds[NotFound] != 200 {
		t.Errorf("unexpected mix of results: %v", kinds)
	}
}

// BenchmarkResolve resolves every import of a 2,000-file project with a
// fresh resolver per iteration (cold caches, the cost of a new snapshot).
func BenchmarkResolve(b *testing.B) {
	fsys, imports := benchProject(2000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r := New(fsys, Options{})
		for _, imp := range imports {
			r.Resolve(imp.from, imp.spec, Server, false)
		}
	}
	b.ReportMetric(float64(b.N*len(imports))/b.Elapsed().Seconds(), "resolutions/s")
	b.ReportMetric(float64(len(imports)), "resolutions/op")
}

// BenchmarkResolveParallel is BenchmarkResolve with both environments
// resolved by GOMAXPROCS goroutines sharing one resolver.
func BenchmarkResolveParallel(b *testing.B) {
	fsys, imports := benchProject(2000)
	workers := 8
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r := New(fsys, Options{})
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(imports); i += workers {
					r.Resolve(imports[i].from, imports[i].spec, Env(i%2), false)
				}
			}()
		}
		wg.Wait()
	}
	b.ReportMetric(float64(b.N*len(imports))/b.Elapsed().Seconds(), "resolutions/s")
}

// BenchmarkResolveCached measures the cache-hit path alone.
func BenchmarkResolveCached(b *testing.B) {
	fsys, imports := benchProject(2000)
	r := New(fsys, Options{})
	for _, imp := range imports {
		r.Resolve(imp.from, imp.spec, Server, false)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		imp := imports[i%len(imports)]
		r.Resolve(imp.from, imp.spec, Server, false)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "resolutions/s")
}
