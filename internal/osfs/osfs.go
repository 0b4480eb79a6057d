// Package osfs is the disk-backed vfs.FS used by the command line and the
// language server. It is the only place where the engine's file reads meet
// the operating system.
package osfs

import (
	"os"
	"path/filepath"
	"sort"

	"github.com/rscls/rscls/analysis/vfs"
)

// FS reads the real file system.
type FS struct{}

// ReadFile reads a regular file; see readFile.
func (FS) ReadFile(path string) ([]byte, error) { return readFile(path) }

func (FS) Stat(path string) (vfs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return vfs.FileInfo{}, err
	}
	return vfs.FileInfo{IsDir: fi.IsDir(), Size: fi.Size()}, nil
}

func (FS) ReadDir(path string) ([]vfs.DirEntry, error) {
	entries, err := os.ReadDir(path)
	if err != nil && len(entries) == 0 {
		return nil, err
	}
	out := make([]vfs.DirEntry, 0, len(entries))
	for _, e := range entries {
		d := vfs.DirEntry{Name: e.Name(), IsDir: e.IsDir()}
		if e.Type()&os.ModeSymlink != 0 {
			d.IsSymlink = true
			// Report what the link points to; a dangling link is a file.
			if fi, err := os.Stat(filepath.Join(path, e.Name())); err == nil {
				d.IsDir = fi.IsDir()
			}
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (FS) RealPath(path string) (string, error) { return filepath.EvalSymlinks(path) }
