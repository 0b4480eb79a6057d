//go:build linux || darwin

package osfs

import (
	"syscall"
	"time"

	"github.com/rscls/rscls/analysis/vfs"
)

// racyWindow is how recent a change makes a stamp untrustworthy: a file
// written again within the same tick of a coarse clock (a second on some
// file systems) would keep its stamp. A file changed that recently is
// read instead.
var racyWindow = 2 * time.Second

// Stamp implements vfs.Stamper for regular files inside the folders that
// are not links, with one lstat.
func (c *Confined) Stamp(path string) (vfs.Stamp, bool) {
	candidate, ok := c.direct(path)
	if !ok {
		return vfs.Stamp{}, false
	}
	var st syscall.Stat_t
	if err := syscall.Lstat(candidate, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return vfs.Stamp{}, false
	}
	s := stampOf(&st)
	if time.Since(time.Unix(0, s.Ctime)) < racyWindow || time.Since(time.Unix(0, s.Mtime)) < racyWindow {
		return vfs.Stamp{}, false
	}
	return s, true
}
