package resolve

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis/vfs"
)

// linkFS is an in-memory FS with directory symlinks, the way pnpm lays out
// node_modules: links maps a link path to the directory it points to.
type linkFS struct {
	files vfs.MapFS
	links map[string]string
}

// follow replaces link prefixes until the path is real.
func (l linkFS) follow(p string) string {
	p = filepath.Clean(p)
	for range 40 {
		changed := false
		for link, target := range l.links {
			if p == link || strings.HasPrefix(p, link+"/") {
				p = target + p[len(link):]
				changed = true
				break
			}
		}
		if !changed {
			return p
		}
	}
	return p
}

func (l linkFS) ReadFile(p string) ([]byte, error) { return l.files.ReadFile(l.follow(p)) }

func (l linkFS) Stat(p string) (vfs.FileInfo, error) {
	real := l.follow(p)
	fi, err := l.files.Stat(real)
	if err != nil && l.hasLinksUnder(real) {
		return vfs.FileInfo{IsDir: true}, nil
	}
	return fi, err
}

func (l linkFS) hasLinksUnder(dir string) bool {
	for link := range l.links {
		if strings.HasPrefix(link, dir+"/") {
			return true
		}
	}
	return false
}

func (l linkFS) ReadDir(p string) ([]vfs.DirEntry, error) {
	real := l.follow(p)
	entries, err := l.files.ReadDir(real)
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Name] = true
	}
	for link := range l.links {
		if filepath.Dir(link) == real && !seen[filepath.Base(link)] {
			entries = append(entries, vfs.DirEntry{Name: filepath.Base(link), IsDir: true, IsSymlink: true})
			seen[filepath.Base(link)] = true
		} else if strings.HasPrefix(link, real+"/") {
			// A directory that holds only links.
			first, _, _ := strings.Cut(link[len(real)+1:], "/")
			if !seen[first] {
				entries = append(entries, vfs.DirEntry{Name: first, IsDir: true})
				seen[first] = true
			}
		}
	}
	if len(entries) == 0 {
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	return entries, nil
}

func (l linkFS) RealPath(p string) (string, error) {
	real := l.follow(p)
	if _, err := l.Stat(real); err != nil {
		return "", &fs.PathError{Op: "realpath", Path: p, Err: fs.ErrNotExist}
	}
	return real, nil
}
