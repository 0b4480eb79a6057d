package osfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/rscls/rscls/analysis/vfs"
)

// ErrOutside is the error, wrapped in an *fs.PathError, for a path that
// Confined does not read.
var ErrOutside = errors.New("outside the workspace and the node_modules packages it uses")

// linkError says why a symlink cannot be followed, in words for the user,
// and still matches the underlying error with errors.Is.
type linkError struct {
	msg string
	err error
}

func (e *linkError) Error() string { return e.msg }
func (e *linkError) Unwrap() error { return e.err }

var (
	errDanglingLink = &linkError{"a symlink to a file that does not exist", fs.ErrNotExist}
	errLinkLoop     = &linkError{"a symlink loop", errors.New("too many links")}
)

// Confined reads the disk like FS, but only inside its workspace folders
// and the node_modules packages they can resolve to, so that a repository
// cannot point rscls at other files (a symlink to ~/.ssh, an import of
// "/etc/passwd" or "../../../other-project").
//
// A path is read when, after symlinks are resolved, it lies inside a
// folder, or when it goes through a node_modules directory of a folder, of
// a directory above it or of an allowed package: the package directory it
// names (node_modules/<name> or node_modules/@scope/<name>) is then
// allowed wherever its link points (pnpm's store, npm link), and only
// that package. Stat also answers for names directly inside a folder's
// ancestors, which finding a project root and hoisted node_modules need;
// it tells existence and size, not contents.
//
// Directories' resolved paths are remembered until Forget, which the
// server calls when files change: resolving every component of every path
// anew cost about 10 % more CPU on a large app. A file's own link is
// checked on every call.
type Confined struct {
	mu       sync.RWMutex
	folders  map[string]int // lexical and resolved forms of each folder, counted
	packages map[string]bool
	realDirs sync.Map // directory → the directory with symlinks resolved
}

// NewConfined returns a Confined with the given folders allowed.
func NewConfined(folders ...string) *Confined {
	c := &Confined{folders: map[string]int{}, packages: map[string]bool{}}
	for _, f := range folders {
		c.AddFolder(f)
	}
	return c
}

// forms returns a folder's cleaned path and, when it differs, its path
// with symlinks resolved (on macOS /tmp is /private/tmp).
func forms(dir string) []string {
	dir = filepath.Clean(dir)
	out := []string{dir}
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		out = append(out, real)
	}
	return out
}

// AddFolder allows reads inside dir.
func (c *Confined) AddFolder(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range forms(dir) {
		c.folders[f]++
	}
}

// RemoveFolder undoes one AddFolder of dir.
func (c *Confined) RemoveFolder(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range forms(dir) {
		if c.folders[f]--; c.folders[f] <= 0 {
			delete(c.folders, f)
		}
	}
}

// Folders lists the allowed folders (both forms), sorted.
func (c *Confined) Folders() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]string, 0, len(c.folders))
	for f := range c.folders {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// within reports whether p is dir or below it.
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	if !strings.HasPrefix(p, dir) {
		return false
	}
	return dir[len(dir)-1] == filepath.Separator || p[len(dir)] == filepath.Separator
}

// inside reports whether p lies in an allowed folder or package.
func (c *Confined) inside(p string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for f := range c.folders {
		if within(p, f) {
			return true
		}
	}
	for pkg := range c.packages {
		if within(p, pkg) {
			return true
		}
	}
	return false
}

// aboveFolder reports whether dir is an ancestor of a folder.
func (c *Confined) aboveFolder(dir string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for f := range c.folders {
		if f != dir && within(f, dir) {
			return true
		}
	}
	return false
}

// packageDir returns the directory of the node_modules package that p is
// in or below, when the node_modules directory belongs to a folder, to
// one of its ancestors or to an allowed package; the deepest such package
// when packages nest.
func (c *Confined) packageDir(p string) string {
	sep := string(filepath.Separator)
	parts := strings.Split(p, sep)
	found := ""
	for i, part := range parts {
		if part != "node_modules" || i+1 >= len(parts) {
			continue
		}
		owner := strings.Join(parts[:i], sep)
		if owner == "" {
			owner = sep
		}
		if found == "" && !c.inside(owner) && !c.aboveFolder(owner) {
			continue
		}
		end := i + 2
		if strings.HasPrefix(parts[i+1], "@") {
			if i+2 >= len(parts) {
				continue
			}
			end = i + 3
		}
		found = strings.Join(parts[:end], sep)
	}
	return found
}

// Forget drops the remembered directory links, after files changed.
func (c *Confined) Forget() { c.realDirs.Clear() }

func (c *Confined) realDir(dir string) (string, error) {
	if v, ok := c.realDirs.Load(dir); ok {
		return v.(string), nil
	}
	real, err := c.realDirFromParent(dir)
	if err != nil {
		return "", err
	}
	c.realDirs.Store(dir, real)
	return real, nil
}

// realDirFromParent resolves dir from its parent's resolution, kept like
// its own: one Lstat per directory, where filepath.EvalSymlinks makes one
// per component of the path, for every directory of a deep tree.
func (c *Confined) realDirFromParent(dir string) (string, error) {
	parent := filepath.Dir(dir)
	if parent == dir {
		return filepath.EvalSymlinks(dir)
	}
	candidate, err := c.inRealDir(dir)
	if err != nil {
		return "", err
	}
	fi, err := os.Lstat(candidate)
	if err != nil {
		return "", err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return filepath.EvalSymlinks(candidate)
	}
	return candidate, nil
}

// inRealDir returns p in its directory's real path: p with every link
// above it resolved, not p itself.
func (c *Confined) inRealDir(p string) (string, error) {
	realDir, err := c.realDir(filepath.Dir(p))
	if err != nil {
		return "", err
	}
	return filepath.Join(realDir, filepath.Base(p)), nil
}

// direct returns where an absolute path is in its directory's real path,
// when that is inside the folders: what to open without following a
// link, or to stat without resolving one. ok is false otherwise.
func (c *Confined) direct(path string) (string, bool) {
	p := filepath.Clean(path)
	if !filepath.IsAbs(p) || filepath.Dir(p) == p {
		return "", false
	}
	candidate, err := c.inRealDir(p)
	if err != nil || !c.inside(candidate) {
		return "", false
	}
	return candidate, true
}

// evalSymlinks is filepath.EvalSymlinks with the parent directory's
// resolution remembered.
func (c *Confined) evalSymlinks(p string) (string, error) {
	if filepath.Dir(p) == p {
		return p, nil
	}
	candidate, err := c.inRealDir(p)
	if err != nil {
		return "", err
	}
	fi, err := os.Lstat(candidate)
	if err != nil {
		return "", err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(candidate)
		var pe *fs.PathError
		switch {
		case err == nil:
			return real, nil
		case errors.Is(err, fs.ErrNotExist):
			return "", &fs.PathError{Op: "resolve", Path: p, Err: errDanglingLink}
		case !errors.As(err, &pe): // EvalSymlinks' own "too many links"
			return "", &fs.PathError{Op: "resolve", Path: p, Err: errLinkLoop}
		}
		return "", err
	}
	return candidate, nil
}

// resolve returns the path to open for p: p with symlinks resolved, when
// it is allowed.
func (c *Confined) resolve(op, p string) (string, error) {
	p = filepath.Clean(p)
	if !filepath.IsAbs(p) {
		return "", &fs.PathError{Op: op, Path: p, Err: ErrOutside}
	}
	real, err := c.evalSymlinks(p)
	if err != nil {
		return "", err
	}
	if c.inside(real) {
		return real, nil
	}
	if pkg := c.packageDir(p); pkg != "" {
		if realPkg, err := c.evalSymlinks(pkg); err == nil && within(real, realPkg) {
			c.mu.Lock()
			c.packages[realPkg] = true
			c.mu.Unlock()
			return real, nil
		}
	}
	return "", &fs.PathError{Op: op, Path: p, Err: ErrOutside}
}

func (c *Confined) ReadFile(path string) ([]byte, error) {
	if data, ok := c.readDirect(path); ok {
		return data, nil
	}
	real, err := c.resolve("read", path)
	if err != nil {
		return nil, err
	}
	return readFile(real)
}

// readDirect reads a file that is not a symbolic link, inside the
// folders, without the Lstat that resolving it costs: opened in its
// directory's real path without following a link. Nearly every file of
// a workspace reads this way. Any failure (a link, a missing file) says
// nothing: ReadFile then takes the way that resolves links, with its
// errors.
func (c *Confined) readDirect(path string) ([]byte, bool) {
	candidate, ok := c.direct(path)
	if !ok {
		return nil, false
	}
	data, err := readFileNoFollow(candidate)
	return data, err == nil
}

func (c *Confined) Stat(path string) (vfs.FileInfo, error) {
	real, err := c.resolve("stat", path)
	if errors.Is(err, ErrOutside) && c.aboveFolder(filepath.Dir(filepath.Clean(path))) {
		real, err = path, nil
	}
	if err != nil {
		return vfs.FileInfo{}, err
	}
	return FS{}.Stat(real)
}

func (c *Confined) ReadDir(path string) ([]vfs.DirEntry, error) {
	real, err := c.resolve("readdir", path)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(real)
	if err != nil && len(entries) == 0 {
		return nil, err
	}
	out := make([]vfs.DirEntry, 0, len(entries))
	for _, e := range entries {
		d := vfs.DirEntry{Name: e.Name(), IsDir: e.IsDir()}
		if e.Type()&os.ModeSymlink != 0 {
			d.IsSymlink = true
			// What the link points to, if it may be read; otherwise it
			// looks like a dangling link, and reading it fails.
			if fi, err := c.Stat(filepath.Join(path, e.Name())); err == nil {
				d.IsDir = fi.IsDir
			}
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (c *Confined) RealPath(path string) (string, error) { return c.resolve("realpath", path) }
