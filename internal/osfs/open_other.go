//go:build !unix

package osfs

import "os"

// openNonBlocking opens path for reading; opening does not block here.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
