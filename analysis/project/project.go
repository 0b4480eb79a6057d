// Package project discovers, without configuration, what a workspace folder
// holds: its Next.js apps (one, or several in a monorepo), its monorepo
// workspace packages and its JS/TS source files, and tells what role a file
// plays in the App Router (page, layout, route, ...).
//
// Like the rest of the engine it reads only through a vfs.FS.
package project

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis/vfs"
)

// Project is what Discover found under a workspace folder.
type Project struct {
	Root       string            // the workspace folder that was scanned
	Apps       []*App            // sorted by Dir
	Workspaces map[string]string // monorepo package name -> package directory
	Files      []string          // every JS/TS source file found, sorted
	Notes      []string          // things skipped: symlinked directories, unreadable directories, ...
	// Listings holds the entries of every directory the walk read, so
	// that an import resolver made at the same moment lists the
	// workspace's directories once, not twice. They are stale as soon as
	// a file is added or removed.
	Listings map[string][]vfs.DirEntry
}

// App is one Next.js project.
type App struct {
	Dir        string // where next.config.* or the package.json depending on next lives
	AppDir     string // Dir/app or Dir/src/app; "" if the project has only pages/
	PagesDir   string // Dir/pages or Dir/src/pages; "" if none
	NextConfig string // path of next.config.{js,mjs,cjs,ts,mts}, "" if none
}

// skippedDirs are never walked: dependencies, build output, caches and VCS.
var skippedDirs = map[string]bool{
	"node_modules": true, ".next": true, "dist": true, "build": true, "out": true,
	".git": true, ".turbo": true, "coverage": true, ".vercel": true,
}

// routeSafeDirs are skipped names that are ordinary route segments inside
// app/ or pages/ (app/build/page.tsx is the /build route).
var routeSafeDirs = map[string]bool{"dist": true, "build": true, "out": true, "coverage": true}

var nextConfigNames = []string{"next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts", "next.config.mts"}

// sourceExtensions are the JS/TS module extensions.
var sourceExtensions = map[string]bool{
	".ts": true, ".tsx": true, ".js": true, ".jsx": true,
	".mjs": true, ".cjs": true, ".mts": true, ".cts": true,
}

// IsSourceFile reports whether name is a JS/TS module; declaration files
// (.d.ts, .d.mts, .d.cts) are not.
func IsSourceFile(name string) bool {
	if !sourceExtensions[filepath.Ext(name)] {
		return false
	}
	return !strings.HasSuffix(name, ".d.ts") && !strings.HasSuffix(name, ".d.mts") && !strings.HasSuffix(name, ".d.cts")
}

// Discover scans root. It fails only when root itself cannot be read;
// anything below that cannot be read becomes a Note.
func Discover(fsys vfs.FS, root string) (*Project, error) {
	root = filepath.Clean(root)
	entries, err := fsys.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", root, err)
	}
	d := &discovery{
		fs:         fsys,
		p:          &Project{Root: root, Workspaces: map[string]string{}, Listings: map[string][]vfs.DirEntry{}},
		routeDirs:  map[string]bool{},
		prefetched: map[string][]vfs.DirEntry{},
	}
	d.walk(root, entries)
	d.findWorkspaces()
	sort.Strings(d.p.Files)
	sort.Slice(d.p.Apps, func(i, j int) bool { return d.p.Apps[i].Dir < d.p.Apps[j].Dir })
	return d.p, nil
}

type discovery struct {
	fs          vfs.FS
	p           *Project
	packageDirs []string        // directories holding a package.json
	routeDirs   map[string]bool // app/ and pages/ directories of the apps found
	prefetched  map[string][]vfs.DirEntry
}

type pendingDir struct {
	path     string
	inRoutes bool // inside an app/ or pages/ directory
}

func (d *discovery) walk(root string, rootEntries []vfs.DirEntry) {
	stack := []pendingDir{{path: root}}
	for len(stack) > 0 {
		dir := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		entries, err := d.readDir(dir.path, root, rootEntries)
		if err != nil {
			d.note("cannot read directory %s: %v", dir.path, err)
			continue
		}
		d.p.Listings[dir.path] = entries
		d.detectApp(dir.path, entries)
		var subdirs []pendingDir
		for _, e := range entries {
			p := filepath.Join(dir.path, e.Name)
			switch {
			case e.IsDir && e.IsSymlink:
				// Following links could loop and would list pnpm packages twice.
				d.note("skipped symlinked directory %s", p)
			case e.IsSymlink && !IsSourceFile(e.Name):
				// A link whose target cannot be read may hide a directory
				// of code (one outside the workspace is not read).
				if _, err := d.fs.Stat(p); err != nil && !vfs.IsNotExist(err) {
					var pe *fs.PathError
					if errors.As(err, &pe) {
						err = pe.Err
					}
					d.note("skipped symlink %s: %v", p, err)
				}
			case e.IsDir:
				if skippedDirs[e.Name] && !(dir.inRoutes && routeSafeDirs[e.Name]) {
					continue
				}
				subdirs = append(subdirs, pendingDir{path: p, inRoutes: dir.inRoutes || d.routeDirs[p]})
			case IsSourceFile(e.Name):
				d.p.Files = append(d.p.Files, p)
			case e.Name == "package.json":
				d.packageDirs = append(d.packageDirs, dir.path)
			}
		}
		// Push in reverse so directories are visited in name order.
		for i := len(subdirs) - 1; i >= 0; i-- {
			stack = append(stack, subdirs[i])
		}
	}
}

func (d *discovery) readDir(dir, root string, rootEntries []vfs.DirEntry) ([]vfs.DirEntry, error) {
	if dir == root {
		return rootEntries, nil
	}
	if entries, ok := d.prefetched[dir]; ok {
		delete(d.prefetched, dir)
		return entries, nil
	}
	return d.fs.ReadDir(dir)
}

func (d *discovery) note(format string, args ...any) {
	d.p.Notes = append(d.p.Notes, fmt.Sprintf(format, args...))
}

// detectApp records dir as a Next.js app when it has a router directory and
// either a next.config.* or a package.json that depends on next.
func (d *discovery) detectApp(dir string, entries []vfs.DirEntry) {
	has := func(list []vfs.DirEntry, name string, wantDir bool) bool {
		i := sort.Search(len(list), func(i int) bool { return list[i].Name >= name })
		return i < len(list) && list[i].Name == name && list[i].IsDir == wantDir
	}
	app := &App{Dir: dir}
	// Next.js uses app/ and pages/ at the root if either exists, else src/.
	if has(entries, "app", true) || has(entries, "pages", true) {
		if has(entries, "app", true) {
			app.AppDir = filepath.Join(dir, "app")
		}
		if has(entries, "pages", true) {
			app.PagesDir = filepath.Join(dir, "pages")
		}
	} else if has(entries, "src", true) {
		src := filepath.Join(dir, "src")
		srcEntries, err := d.fs.ReadDir(src)
		if err != nil {
			return // the walk notes it
		}
		d.prefetched[src] = srcEntries
		if has(srcEntries, "app", true) {
			app.AppDir = filepath.Join(src, "app")
		}
		if has(srcEntries, "pages", true) {
			app.PagesDir = filepath.Join(src, "pages")
		}
	}
	if app.AppDir == "" && app.PagesDir == "" {
		return
	}
	for _, name := range nextConfigNames {
		if has(entries, name, false) {
			app.NextConfig = filepath.Join(dir, name)
			break
		}
	}
	if app.NextConfig == "" {
		if !has(entries, "package.json", false) {
			return
		}
		pkgPath := filepath.Join(dir, "package.json")
		next, problem := dependsOnNext(d.fs, pkgPath)
		if problem != "" {
			d.note("%s: %s, so %s is not known to be a Next.js app", pkgPath, problem, dir)
		}
		if !next {
			return
		}
	}
	d.p.Apps = append(d.p.Apps, app)
	if app.AppDir != "" {
		d.routeDirs[app.AppDir] = true
	}
	if app.PagesDir != "" {
		d.routeDirs[app.PagesDir] = true
	}
}

// dependsOnNext reports whether a package.json lists next in dependencies,
// devDependencies or peerDependencies, or says why it cannot tell.
func dependsOnNext(fsys vfs.FS, path string) (next bool, problem string) {
	data, err := fsys.ReadFile(path)
	if err != nil {
		return false, "cannot read it"
	}
	var pkg map[string]json.RawMessage
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\ufeff")), &pkg); err != nil || pkg == nil {
		return false, "not a JSON object"
	}
	for _, field := range []string{"dependencies", "devDependencies", "peerDependencies"} {
		var deps map[string]json.RawMessage
		if json.Unmarshal(pkg[field], &deps) == nil {
			if _, ok := deps["next"]; ok {
				return true, ""
			}
		}
	}
	return false, ""
}

// appFor returns the app whose Dir is the longest prefix of path.
func (p *Project) appFor(path string) *App {
	var best *App
	for _, app := range p.Apps {
		if within(app.Dir, path) && (best == nil || len(app.Dir) > len(best.Dir)) {
			best = app
		}
	}
	return best
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	if path == dir {
		return true
	}
	if !strings.HasPrefix(path, dir) {
		return false
	}
	return strings.HasSuffix(dir, string(filepath.Separator)) || path[len(dir)] == filepath.Separator
}

// NextMajor returns the major version of Next.js an app builds with, or 0
// when it cannot tell: the version of the next package installed for the
// app (in a node_modules from the app's directory up to root), else the
// range its package.json (or root's) asks for, when that range names a
// single major version ("15.5.8", "^15.2.0", "~15.5", "15.x").
func NextMajor(fsys vfs.FS, root string, app *App) int {
	for dir := app.Dir; ; dir = filepath.Dir(dir) {
		if data, err := fsys.ReadFile(filepath.Join(dir, "node_modules", "next", "package.json")); err == nil {
			var pkg struct{ Version string }
			if json.Unmarshal(data, &pkg) == nil {
				if m := knownMajor(pkg.Version); m > 0 {
					return m
				}
			}
		}
		if dir == root || !within(root, dir) || filepath.Dir(dir) == dir {
			break
		}
	}
	for _, dir := range []string{app.Dir, root} {
		data, err := fsys.ReadFile(filepath.Join(dir, "package.json"))
		if err != nil {
			continue
		}
		var pkg map[string]json.RawMessage
		if json.Unmarshal(bytes.TrimPrefix(data, []byte("\ufeff")), &pkg) != nil {
			continue
		}
		for _, field := range []string{"dependencies", "devDependencies", "peerDependencies"} {
			var deps map[string]string
			if json.Unmarshal(pkg[field], &deps) == nil {
				if r, ok := deps["next"]; ok {
					return knownMajor(r)
				}
			}
		}
	}
	return 0
}

// knownMajor is singleMajor, except for the prereleases of Next.js 15:
// its canaries renamed the Cache Components key while 16 was being made,
// so which keys such a version reads is not known.
func knownMajor(r string) int {
	m := singleMajor(r)
	if m == 15 && strings.Contains(r, "-") {
		return 0
	}
	return m
}

// singleMajor returns the major version a semver range admits, when it
// admits one only: an exact version, ^x.y.z, ~x.y, x, x.x or x.* (with
// prerelease tags). Anything else ("*", "latest", ">=15", "catalog:",
// "workspace:*", ranges with ||) is 0.
func singleMajor(r string) int {
	r = strings.TrimSpace(r)
	r = strings.TrimPrefix(strings.TrimLeft(r, "^~="), "v")
	end := 0
	for end < len(r) && r[end] >= '0' && r[end] <= '9' {
		end++
	}
	if end == 0 || end > 3 {
		return 0
	}
	rest := r[end:]
	if rest != "" && rest[0] != '.' && rest[0] != '-' {
		return 0
	}
	if strings.ContainsAny(rest, " |<>") {
		return 0
	}
	major := 0
	for _, c := range r[:end] {
		major = major*10 + int(c-'0')
	}
	return major
}
