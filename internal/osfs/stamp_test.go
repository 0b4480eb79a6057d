//go:build linux || darwin

package osfs

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestStamp(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(top, "ws")
	layout(t, ws, map[string]string{
		"a.ts":    "export const a = 1\n",
		"link.ts": "->a.ts",
	})
	layout(t, top, map[string]string{"outside.ts": "export {}\n"})
	c := NewConfined(ws)
	a := filepath.Join(ws, "a.ts")

	if _, ok := c.Stamp(a); ok {
		t.Errorf("a file written a moment ago has a stamp: a write in the same tick would keep it")
	}
	defer func(w time.Duration) { racyWindow = w }(racyWindow)
	racyWindow = 0

	s1, ok := c.Stamp(a)
	if !ok {
		t.Fatal("no stamp for a regular file")
	}
	if s2, _ := c.Stamp(a); s2 != s1 {
		t.Errorf("two stamps of an unchanged file differ: %+v %+v", s1, s2)
	}
	// Same size, same modification time: the change of metadata still shows.
	fi, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	if err := os.WriteFile(a, []byte("export const b = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(a, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	if s3, ok := c.Stamp(a); !ok || s3 == s1 {
		t.Errorf("a rewritten file kept its stamp (ok %v)", ok)
	}
	for _, p := range []string{filepath.Join(ws, "link.ts"), filepath.Join(top, "outside.ts"), filepath.Join(ws, "missing.ts"), ws, "relative.ts"} {
		if _, ok := c.Stamp(p); ok {
			t.Errorf("%s has a stamp: only regular files inside the folders, not links, have one", p)
		}
	}
}
