//go:build !unix

package osfs

import (
	"errors"
	"os"
)

// openNonBlocking opens path for reading; opening does not block here.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }

// openNoFollow is not offered here: callers take the way that resolves
// links first.
func openNoFollow(string) (*os.File, error) { return nil, errors.ErrUnsupported }
