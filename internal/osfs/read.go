package osfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// maxRead bounds what one read loads into memory: a repository may hold a
// multi-gigabyte file with a source file's name, which the engine would
// only skip (it analyzes files up to 2 MB) after loading it.
const maxRead = 64 << 20

var (
	// ErrNotRegular is the error, wrapped in an *fs.PathError, for a FIFO,
	// a device or a socket with a source file's name: reading a FIFO
	// waits for a writer that may never come.
	ErrNotRegular = errors.New("not a regular file (a FIFO, a device or a socket), so not read")
	// ErrTooLarge is the error, wrapped in an *fs.PathError, for a file
	// over maxRead.
	ErrTooLarge = fmt.Errorf("larger than %d MB, so not read", maxRead>>20)
)

// readFile reads a regular file of at most maxRead bytes.
func readFile(path string) ([]byte, error) { return readWith(openNonBlocking, path) }

// readFileNoFollow is readFile that fails when path is a symbolic link.
func readFileNoFollow(path string) ([]byte, error) { return readWith(openNoFollow, path) }

func readWith(open func(string) (*os.File, error), path string) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch {
	case !fi.Mode().IsRegular():
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	case fi.Size() > maxRead:
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrTooLarge}
	}
	// The size is a hint: the file may change while it is read.
	buf := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) > maxRead {
			return nil, &fs.PathError{Op: "read", Path: path, Err: ErrTooLarge}
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}
