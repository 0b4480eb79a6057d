// Package vfs defines how the analysis engine sees files. The engine never
// touches the operating system: every read goes through an FS, so the
// language server can lay open editor buffers over the disk and tests can
// run on in-memory projects.
//
// Paths are absolute and cleaned, in the host's separator convention.
package vfs

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// ErrNotExist is returned (possibly wrapped) for missing files.
var ErrNotExist = fs.ErrNotExist

// FileInfo is what the engine needs to know about a path.
type FileInfo struct {
	IsDir bool
	Size  int64
}

// DirEntry is one entry of a directory listing.
type DirEntry struct {
	Name      string
	IsDir     bool
	IsSymlink bool // a symlink; IsDir tells what it points to when known
}

// FS is a read-only file system.
type FS interface {
	ReadFile(path string) ([]byte, error)
	Stat(path string) (FileInfo, error)
	// ReadDir lists a directory, sorted by name.
	ReadDir(path string) ([]DirEntry, error)
	// RealPath resolves symlinks (pnpm links workspace and store packages
	// into node_modules); implementations without symlinks return path.
	RealPath(path string) (string, error)
}

// Stamp is what a file source can tell of a file without reading it,
// such that any write to the file changes it: device, inode, size and
// the times of the last change of content and of metadata.
type Stamp struct {
	Dev, Ino           uint64
	Size, Mtime, Ctime int64
}

// Stamper is an FS that stamps files. ok is false when it cannot vouch
// for a stamp: a link, a file changed in the last moments (a write in the
// same tick of the clock would leave the stamp as it is), any error. A
// stamp that is equal to one taken when the file was read means the text
// is the one read then.
type Stamper interface {
	Stamp(path string) (s Stamp, ok bool)
}

// IsNotExist reports whether err means that a file does not exist.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// MapFS is an in-memory FS keyed by absolute path. Directories are implied
// by the files below them. It is safe for concurrent reads.
type MapFS map[string]string

func (m MapFS) ReadFile(path string) ([]byte, error) {
	if s, ok := m[filepath.Clean(path)]; ok {
		return []byte(s), nil
	}
	return nil, &fs.PathError{Op: "read", Path: path, Err: fs.ErrNotExist}
}

func (m MapFS) Stat(path string) (FileInfo, error) {
	path = filepath.Clean(path)
	if s, ok := m[path]; ok {
		return FileInfo{Size: int64(len(s))}, nil
	}
	prefix := withSep(path)
	for name := range m {
		if strings.HasPrefix(name, prefix) {
			return FileInfo{IsDir: true}, nil
		}
	}
	return FileInfo{}, &fs.PathError{Op: "stat", Path: path, Err: fs.ErrNotExist}
}

func (m MapFS) ReadDir(path string) ([]DirEntry, error) {
	prefix := withSep(filepath.Clean(path))
	seen := map[string]bool{}
	var out []DirEntry
	for name := range m {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		first, _, isDir := strings.Cut(rest, string(filepath.Separator))
		if seen[first] {
			continue
		}
		seen[first] = true
		out = append(out, DirEntry{Name: first, IsDir: isDir})
	}
	if len(out) == 0 {
		if _, ok := m[filepath.Clean(path)]; ok {
			return nil, &fs.PathError{Op: "readdir", Path: path, Err: errors.New("not a directory")}
		}
		return nil, &fs.PathError{Op: "readdir", Path: path, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (m MapFS) RealPath(path string) (string, error) {
	if _, err := m.Stat(path); err != nil {
		return "", err
	}
	return filepath.Clean(path), nil
}

func withSep(dir string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir
	}
	return dir + string(filepath.Separator)
}

// Overlay lays in-memory contents (open editor buffers) over a base FS.
// Overlaid files exist even when the base does not have them; their
// directories are listed with them. The zero value is not usable; use
// NewOverlay. An Overlay is immutable once built, so snapshots can share it.
type Overlay struct {
	base  FS
	files map[string][]byte
	dirs  map[string][]string // directory -> overlaid child names (files and implied dirs)
}

// NewOverlay returns base with files laid over it. The map is not copied;
// the caller must not change it afterwards.
func NewOverlay(base FS, files map[string][]byte) *Overlay {
	o := &Overlay{base: base, files: files, dirs: map[string][]string{}}
	for name := range files {
		child := filepath.Clean(name)
		for {
			parent := filepath.Dir(child)
			if parent == child {
				break
			}
			o.dirs[parent] = append(o.dirs[parent], filepath.Base(child))
			child = parent
		}
	}
	return o
}

func (o *Overlay) ReadFile(path string) ([]byte, error) {
	if b, ok := o.files[filepath.Clean(path)]; ok {
		return b, nil
	}
	return o.base.ReadFile(path)
}

func (o *Overlay) Stat(path string) (FileInfo, error) {
	path = filepath.Clean(path)
	if b, ok := o.files[path]; ok {
		return FileInfo{Size: int64(len(b))}, nil
	}
	fi, err := o.base.Stat(path)
	if err != nil {
		if _, ok := o.dirs[path]; ok {
			return FileInfo{IsDir: true}, nil
		}
	}
	return fi, err
}

func (o *Overlay) ReadDir(path string) ([]DirEntry, error) {
	path = filepath.Clean(path)
	entries, err := o.base.ReadDir(path)
	extra, ok := o.dirs[path]
	if !ok {
		return entries, err
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Name] = true
	}
	out := append([]DirEntry(nil), entries...)
	for _, name := range extra {
		if seen[name] {
			continue
		}
		seen[name] = true
		_, isFile := o.files[filepath.Join(path, name)]
		out = append(out, DirEntry{Name: name, IsDir: !isFile})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Stamp stamps files of the base; an overlaid file has no stamp, since
// its text is not the disk's.
func (o *Overlay) Stamp(path string) (Stamp, bool) {
	if _, ok := o.files[filepath.Clean(path)]; ok {
		return Stamp{}, false
	}
	if st, ok := o.base.(Stamper); ok {
		return st.Stamp(path)
	}
	return Stamp{}, false
}

func (o *Overlay) RealPath(path string) (string, error) {
	if _, ok := o.files[filepath.Clean(path)]; ok {
		return filepath.Clean(path), nil
	}
	return o.base.RealPath(path)
}

// Cached wraps an FS and remembers every answer, so repeated probing by the
// resolver costs one underlying call per path. Use one per snapshot: it
// never forgets.
type Cached struct {
	base  FS
	mu    sync.Mutex
	stats map[string]statResult
	dirs  map[string]dirResult
	reals map[string]realResult
}

type statResult struct {
	fi  FileInfo
	err error
}
type dirResult struct {
	entries []DirEntry
	err     error
}
type realResult struct {
	path string
	err  error
}

// NewCached returns a caching view of base.
func NewCached(base FS) *Cached {
	return &Cached{base: base, stats: map[string]statResult{}, dirs: map[string]dirResult{}, reals: map[string]realResult{}}
}

// ReadFile is not cached: contents are cached by the engine per content hash.
func (c *Cached) ReadFile(path string) ([]byte, error) { return c.base.ReadFile(path) }

func (c *Cached) Stat(path string) (FileInfo, error) {
	c.mu.Lock()
	r, ok := c.stats[path]
	c.mu.Unlock()
	if ok {
		return r.fi, r.err
	}
	fi, err := c.base.Stat(path)
	c.mu.Lock()
	c.stats[path] = statResult{fi, err}
	c.mu.Unlock()
	return fi, err
}

func (c *Cached) ReadDir(path string) ([]DirEntry, error) {
	c.mu.Lock()
	r, ok := c.dirs[path]
	c.mu.Unlock()
	if ok {
		return r.entries, r.err
	}
	entries, err := c.base.ReadDir(path)
	c.mu.Lock()
	c.dirs[path] = dirResult{entries, err}
	c.mu.Unlock()
	return entries, err
}

func (c *Cached) RealPath(path string) (string, error) {
	c.mu.Lock()
	r, ok := c.reals[path]
	c.mu.Unlock()
	if ok {
		return r.path, r.err
	}
	p, err := c.base.RealPath(path)
	c.mu.Lock()
	c.reals[path] = realResult{p, err}
	c.mu.Unlock()
	return p, err
}
