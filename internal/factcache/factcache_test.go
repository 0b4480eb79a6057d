package factcache

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/test/synth"
)

func TestWarmLoadReusesEverything(t *testing.T) {
	dir := t.TempDir()
	ws := synth.Generate(synth.Options{Files: 300, Seed: 2, Mistakes: 5})
	files := ws.FS()
	salt := [32]byte{1}
	load := func() (*engine.Snapshot, *Store) {
		st := Open(dir, ws.Root, salt)
		snap, err := engine.Load(context.Background(), files, ws.Root, engine.Options{Analyzers: suite.Analyzers, Cache: st})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Save(); err != nil {
			t.Fatal(err)
		}
		return snap, st
	}
	cold, st := load()
	if st.Hits != 0 || st.Misses == 0 {
		t.Fatalf("cold run: %d hits, %d misses", st.Hits, st.Misses)
	}
	warm, st2 := load()
	if st2.Misses != 0 || st2.Hits != st.Misses {
		t.Errorf("warm run: %d hits, %d misses; want %d hits", st2.Hits, st2.Misses, st.Misses)
	}
	if !reflect.DeepEqual(cold.Findings(), warm.Findings()) {
		t.Errorf("warm findings differ from cold ones")
	}
	if len(warm.Findings()) == 0 {
		t.Fatalf("the workspace with mistakes has no findings")
	}
	// Checks' own file facts come back from the pack too.
	extra := 0
	for _, p := range warm.Files() {
		if r := warm.File(p); r.Facts != nil && len(r.Facts.Extra) > 0 {
			extra++
			if !reflect.DeepEqual(r.Facts.Extra, cold.File(p).Facts.Extra) {
				t.Errorf("%s: file facts %v from the pack, %v when analyzed", p, r.Facts.Extra, cold.File(p).Facts.Extra)
			}
		}
	}
	if extra == 0 {
		t.Errorf("no file has a check's own file facts: the pack's round trip of them is not tested")
	}

	// One changed file misses; the rest still hit.
	files[ws.Large] += "\nexport const changed = 1\n"
	_, st3 := load()
	if st3.Misses != 1 {
		t.Errorf("after one change: %d misses, want 1", st3.Misses)
	}
}

func TestBadPacksAreIgnored(t *testing.T) {
	dir := t.TempDir()
	ws := synth.Generate(synth.Options{Files: 100, Seed: 3})
	salt := [32]byte{2}
	st := Open(dir, ws.Root, salt)
	if _, err := engine.Load(context.Background(), ws.FS(), ws.Root, engine.Options{Analyzers: suite.Analyzers, Cache: st}); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	for name, damage := range map[string]func([]byte) []byte{
		"truncated":   func(b []byte) []byte { return b[:len(b)/2] },
		"flipped":     func(b []byte) []byte { c := append([]byte(nil), b...); c[len(c)-40] ^= 0xff; return c },
		"empty":       func([]byte) []byte { return nil },
		"not a pack":  func([]byte) []byte { return []byte("hello") },
		"wrong magic": func(b []byte) []byte { c := append([]byte(nil), b...); c[0] = 'X'; return c },
	} {
		if err := os.WriteFile(st.Path(), damage(good), 0o644); err != nil {
			t.Fatal(err)
		}
		again := Open(dir, ws.Root, salt)
		if len(oldEntries(again)) != 0 {
			t.Errorf("%s: a damaged pack was used (%d entries)", name, len(oldEntries(again)))
		}
	}
	if err := os.WriteFile(st.Path(), good, 0o644); err != nil {
		t.Fatal(err)
	}
	if other := Open(dir, ws.Root, [32]byte{9}); len(oldEntries(other)) != 0 {
		t.Errorf("another program's pack was used")
	}
	if same := Open(dir, ws.Root, salt); len(oldEntries(same)) == 0 {
		t.Errorf("the good pack was not read back")
	}
	// A directory that cannot be written is not an error for the analysis.
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.MkdirAll(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	bad := Open(filepath.Join(ro, "sub"), ws.Root, salt)
	bad.Put([32]byte{1}, &engine.CachedFile{})
	if os.Getuid() != 0 && bad.Save() == nil {
		t.Errorf("saving into a read-only directory reported no error")
	}
}

func TestSaveDropsStaleEntries(t *testing.T) {
	dir := t.TempDir()
	st := Open(dir, "/w", [32]byte{3})
	st.Put([32]byte{1}, &engine.CachedFile{})
	st.Put([32]byte{2}, &engine.CachedFile{})
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	st2 := Open(dir, "/w", [32]byte{3})
	st2.Get([32]byte{1}) // only this one is used in the second run
	if err := st2.Save(); err != nil {
		t.Fatal(err)
	}
	if st3 := Open(dir, "/w", [32]byte{3}); len(oldEntries(st3)) != 1 {
		t.Errorf("%d entries kept, want 1", len(oldEntries(st3)))
	}
}

// oldEntries returns what the store read from its pack.
func oldEntries(s *Store) map[[32]byte]*engine.CachedFile {
	s.readOld()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.old
}

// A new process, which has not analyzed anything yet, reuses the pack the
// previous process wrote, checks' own file facts included. Each run is a
// child process running this test with freshChildEnv set, so that no
// earlier analysis in the same process has prepared encoding/gob.
const freshChildEnv = "RSCLS_FACTCACHE_TEST_CHILD_DIR"

func TestNewProcessReusesThePack(t *testing.T) {
	if dir := os.Getenv(freshChildEnv); dir != "" {
		ws := synth.Generate(synth.Options{Files: 200, Seed: 4, Mistakes: 3})
		st := Open(dir, ws.Root, [32]byte{4})
		if _, err := engine.Load(context.Background(), ws.FS(), ws.Root, engine.Options{Analyzers: suite.Analyzers, Cache: st}); err != nil {
			t.Fatal(err)
		}
		if err := st.Save(); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("counts %d %d\n", st.Hits, st.Misses)
		return
	}
	dir := t.TempDir()
	run := func() (hits, misses int) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestNewProcessReusesThePack$", "-test.count=1")
		cmd.Env = append(os.Environ(), freshChildEnv+"="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child run: %v\n%s", err, out)
		}
		i := bytes.Index(out, []byte("counts "))
		if i < 0 {
			t.Fatalf("child run printed no counts:\n%s", out)
		}
		if _, err := fmt.Sscanf(string(out[i:]), "counts %d %d", &hits, &misses); err != nil {
			t.Fatalf("child run: %v\n%s", err, out)
		}
		return hits, misses
	}
	_, analyzed := run()
	if analyzed == 0 {
		t.Fatal("the first run analyzed nothing")
	}
	if hits, misses := run(); hits != analyzed || misses != 0 {
		t.Errorf("second process: %d files reused, %d analyzed; want all %d reused", hits, misses, analyzed)
	}
}

// Two apps hold the same helper at the same place: the files share a
// key. One app's page imports it (parsed), the other's does not (not
// wanted). A warm run must find the facts, parse nothing and leave the
// pack as it was, whichever file the workers reach first.
func TestSharedKeyKeepsFacts(t *testing.T) {
	helper := "export const toKebab = (s: string) => s.toLowerCase()\n"
	files := vfs.MapFS{
		"/w/package.json":        `{"name":"w","private":true,"workspaces":["apps/*"]}`,
		"/w/apps/a/package.json": `{"name":"a","dependencies":{"next":"15.0.0"}}`,
		"/w/apps/a/app/page.tsx": "import { toKebab } from '../lib/kebab'\nexport default function Page() { return <p>{toKebab('A')}</p> }\n",
		"/w/apps/a/lib/kebab.ts": helper,
		"/w/apps/b/package.json": `{"name":"b","dependencies":{"next":"15.0.0"}}`,
		"/w/apps/b/app/page.tsx": "export default function Page() { return <p>b</p> }\n",
		"/w/apps/b/lib/kebab.ts": helper,
		"/w/apps/c/package.json": `{"name":"c","dependencies":{"next":"15.0.0"}}`,
		"/w/apps/c/app/page.tsx": "export default function Page() { return <p>c</p> }\n",
		"/w/apps/c/lib/kebab.ts": helper,
	}
	dir := t.TempDir()
	for run := 0; run < 6; run++ {
		st := Open(dir, "/w", [32]byte{5})
		snap, err := engine.Load(context.Background(), files, "/w", engine.Options{Analyzers: suite.Analyzers, Cache: st, Workers: 1 + run%3})
		if err != nil {
			t.Fatal(err)
		}
		if snap.File("/w/apps/a/lib/kebab.ts").Facts == nil {
			t.Fatalf("run %d: the imported helper has no facts", run)
		}
		if run > 0 && (st.Misses != 0 || st.dirty) {
			t.Errorf("run %d: %d misses, pack rewritten: %v", run, st.Misses, st.dirty)
		}
		if err := st.Save(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStampsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	st := Open(dir, "/w", [32]byte{6})
	a := vfs.Stamp{Ino: 7, Size: 10, Mtime: 1, Ctime: 2}
	st.PutStamp("/w/a.ts", a, [32]byte{1})
	st.PutStamp("/w/b.ts", a, [32]byte{2})
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	st2 := Open(dir, "/w", [32]byte{6})
	if h, ok := st2.Stamped("/w/a.ts", a); !ok || h != ([32]byte{1}) {
		t.Errorf("stamp of a.ts not read back: %v %v", h, ok)
	}
	changed := a
	changed.Ctime++
	if _, ok := st2.Stamped("/w/b.ts", changed); ok {
		t.Error("a file whose stamp changed was known by its old hash")
	}
	st2.PutStamp("/w/b.ts", a, [32]byte{2}) // as it was: nothing to write
	if st2.dirty {
		t.Error("putting the stamp read back marks the pack to be written")
	}
	if err := st2.Save(); err != nil {
		t.Fatal(err)
	}
	// Only stamps used are kept.
	st3 := Open(dir, "/w", [32]byte{6})
	st3.Stamped("/w/a.ts", a)
	if err := st3.Save(); err != nil {
		t.Fatal(err)
	}
	st4 := Open(dir, "/w", [32]byte{6})
	if _, ok := st4.Stamped("/w/b.ts", a); ok {
		t.Error("a stamp no run used was kept")
	}
}
