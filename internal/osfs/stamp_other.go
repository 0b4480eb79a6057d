//go:build !linux && !darwin

package osfs

import "github.com/rscls/rscls/analysis/vfs"

// Stamp vouches for no file here: every file is read.
func (c *Confined) Stamp(string) (vfs.Stamp, bool) { return vfs.Stamp{}, false }
