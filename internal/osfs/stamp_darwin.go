package osfs

import (
	"syscall"

	"github.com/rscls/rscls/analysis/vfs"
)

func stampOf(st *syscall.Stat_t) vfs.Stamp {
	return vfs.Stamp{
		Dev: uint64(st.Dev), Ino: st.Ino, Size: st.Size,
		Mtime: st.Mtimespec.Nano(), Ctime: st.Ctimespec.Nano(),
	}
}
