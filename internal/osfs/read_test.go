//go:build unix

package osfs

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Files that are not plain source files are refused without blocking or
// loading them: a FIFO (reading one waits for a writer) and a file over
// maxRead (sparse here, so the test writes nothing).
func TestReadOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.ts")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.js")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, maxRead+1); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "ok.ts")
	if err := os.WriteFile(plain, []byte("export {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, fsys := range []struct {
		name string
		read func(string) ([]byte, error)
	}{{"FS", FS{}.ReadFile}, {"Confined", NewConfined(dir).ReadFile}} {
		for path, want := range map[string]error{fifo: ErrNotRegular, huge: ErrTooLarge} {
			done := make(chan error, 1)
			go func() {
				_, err := fsys.read(path)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, want) {
					t.Errorf("%s: %s: %v, want %v", fsys.name, filepath.Base(path), err, want)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: reading %s blocks", fsys.name, filepath.Base(path))
			}
		}
		if data, err := fsys.read(plain); err != nil || string(data) != "export {}\n" {
			t.Errorf("%s: plain file: %q, %v", fsys.name, data, err)
		}
	}
}
