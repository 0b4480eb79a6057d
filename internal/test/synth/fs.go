package synth

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis/vfs"
)

// FS returns the workspace as a vfs.MapFS. Its ReadDir and Stat scan every
// key, so large workspaces are better read through IndexedFS.
func (w *Workspace) FS() vfs.MapFS { return vfs.MapFS(w.Files) }

// IndexedFS returns the workspace as a vfs.FS with precomputed directory
// listings: every call is a map lookup.
func (w *Workspace) IndexedFS() vfs.FS {
	x := &indexedFS{files: w.Files, dirs: map[string][]vfs.DirEntry{}}
	seen := map[string]bool{}
	for name := range w.Files {
		child := name
		isDir := false
		for {
			parent := filepath.Dir(child)
			if parent == child {
				break
			}
			key := parent + "\x00" + filepath.Base(child)
			if seen[key] {
				break // the parent chain is already recorded
			}
			seen[key] = true
			x.dirs[parent] = append(x.dirs[parent], vfs.DirEntry{Name: filepath.Base(child), IsDir: isDir})
			child, isDir = parent, true
		}
	}
	for _, list := range x.dirs {
		sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	}
	return x
}

type indexedFS struct {
	files map[string]string
	dirs  map[string][]vfs.DirEntry
}

func (x *indexedFS) ReadFile(path string) ([]byte, error) {
	if s, ok := x.files[filepath.Clean(path)]; ok {
		return []byte(s), nil
	}
	return nil, &fs.PathError{Op: "read", Path: path, Err: fs.ErrNotExist}
}

func (x *indexedFS) Stat(path string) (vfs.FileInfo, error) {
	path = filepath.Clean(path)
	if s, ok := x.files[path]; ok {
		return vfs.FileInfo{Size: int64(len(s))}, nil
	}
	if _, ok := x.dirs[path]; ok {
		return vfs.FileInfo{IsDir: true}, nil
	}
	return vfs.FileInfo{}, &fs.PathError{Op: "stat", Path: path, Err: fs.ErrNotExist}
}

func (x *indexedFS) ReadDir(path string) ([]vfs.DirEntry, error) {
	path = filepath.Clean(path)
	if list, ok := x.dirs[path]; ok {
		return append([]vfs.DirEntry(nil), list...), nil
	}
	if _, ok := x.files[path]; ok {
		return nil, &fs.PathError{Op: "readdir", Path: path, Err: errors.New("not a directory")}
	}
	return nil, &fs.PathError{Op: "readdir", Path: path, Err: fs.ErrNotExist}
}

func (x *indexedFS) RealPath(path string) (string, error) {
	if _, err := x.Stat(path); err != nil {
		return "", err
	}
	return filepath.Clean(path), nil
}

// WriteTo writes the workspace under dir, which takes the place of Root.
func (w *Workspace) WriteTo(dir string) error {
	names := make([]string, 0, len(w.Files))
	for name := range w.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, name := range names {
		rel, err := filepath.Rel(w.Root, name)
		if err != nil || strings.HasPrefix(rel, "..") {
			return errors.New("synth: " + name + " is outside " + w.Root)
		}
		dst := filepath.Join(dir, rel)
		if d := filepath.Dir(dst); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(dst, []byte(w.Files[name]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Rebase returns path, a file of the workspace, as it is under dir after
// WriteTo(dir).
func (w *Workspace) Rebase(path, dir string) string {
	rel, err := filepath.Rel(w.Root, path)
	if err != nil {
		return path
	}
	return filepath.Join(dir, rel)
}
