package osfs

import (
	"syscall"

	"github.com/rscls/rscls/analysis/vfs"
)

func stampOf(st *syscall.Stat_t) vfs.Stamp {
	return vfs.Stamp{
		Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size,
		Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano(),
	}
}
