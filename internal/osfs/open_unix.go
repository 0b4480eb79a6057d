//go:build unix

package osfs

import (
	"os"
	"syscall"
)

// openNonBlocking opens path for reading without waiting: opening a FIFO
// for reading otherwise blocks until a writer opens it.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// openNoFollow is openNonBlocking that fails when the last element of
// path is a symbolic link.
func openNoFollow(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
}
