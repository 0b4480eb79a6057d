// Package factcache keeps the engine's per-file results on disk, so that a
// second run over an unchanged workspace does not parse it again. There is
// one pack per workspace in the user's cache directory. A pack belongs to
// the executable that wrote it (any change to the program invalidates it)
// and carries a checksum; a missing, stale or damaged pack is ignored and
// rewritten. Deleting the directory is always safe. A pack also keeps
// each file's stamp (vfs.Stamp) with the hash of the text read then, so
// that the next run knows an unchanged file without reading it.
package factcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/vfs"
)

// format is bumped when the pack layout changes.
const format = 3

// shards is how many parts a pack's entries are split into, by key: each
// part is decoded on its own, in parallel. A warm start waits for the
// pack before its first lookup, and decoding it is most of that wait.
const shards = 4

var magic = []byte("RSCLSFC\n")

// Dir returns the cache directory: $RSCLS_CACHE_DIR, or rscls under the
// user cache directory. It returns "" when caching is off
// (RSCLS_CACHE_DIR=off) or no cache directory exists.
func Dir() string {
	if d := os.Getenv("RSCLS_CACHE_DIR"); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "rscls")
}

// Store is one workspace's pack, open for a run. It is safe for
// concurrent use.
type Store struct {
	path string
	salt [32]byte
	once sync.Once // reads old
	mu   sync.Mutex
	old  map[[32]byte]*engine.CachedFile
	used map[[32]byte]*engine.CachedFile
	// Stamps of the files read, by path: those a run used or put are
	// written.
	oldStamps, usedStamps map[string]stamped
	dirty                 bool
	// Hits and Misses count lookups, for logs and tests.
	Hits, Misses int
}

// Open opens the pack of the workspace at root in dir. salt identifies
// the program (see ExecutableSalt).
func Open(dir, root string, salt [32]byte) *Store {
	sum := sha256.Sum256([]byte(filepath.Clean(root)))
	return &Store{
		path:       filepath.Join(dir, fmt.Sprintf("facts-v%d", format), fmt.Sprintf("%x.pack", sum[:12])),
		salt:       salt,
		old:        map[[32]byte]*engine.CachedFile{},
		used:       map[[32]byte]*engine.CachedFile{},
		oldStamps:  map[string]stamped{},
		usedStamps: map[string]stamped{},
	}
}

// stamped is a file's stamp and the hash of its text then.
type stamped struct {
	Stamp vfs.Stamp
	Hash  [32]byte
}

// readOld reads what a previous run left, on first use rather than in
// Open: a pack holds the checks' own file facts, whose types encoding/gob
// knows only once the engine has registered them at the start of an
// analysis. Read before that, every pack failed to decode in a new
// process, and no run reused the previous one's results.
func (s *Store) readOld() {
	s.once.Do(func() {
		if entries, stamps, err := s.read(); err == nil {
			s.mu.Lock()
			s.old, s.oldStamps = entries, stamps
			s.mu.Unlock()
		}
	})
}

// Preload implements engine.Preloader: it reads the pack now rather than
// on the first lookup.
func (s *Store) Preload() { s.readOld() }

// Counts returns how many lookups found an entry and how many did not.
func (s *Store) Counts() (hits, misses int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Hits, s.Misses
}

// Path returns the pack's file name.
func (s *Store) Path() string { return s.path }

type header struct {
	Salt     [32]byte
	Checksum [32]byte // of the payloads (the shards, then the stamps), in order
	Count    int
}

func shardOf(key [32]byte) int { return int(key[0]) % shards }

// read loads the pack; any problem means an empty cache.
func (s *Store) read() (map[[32]byte]*engine.CachedFile, map[string]stamped, error) {
	data, err := os.ReadFile(s.path)
	if err != nil {
		return nil, nil, err
	}
	if !bytes.HasPrefix(data, magic) {
		return nil, nil, errors.New("not a pack")
	}
	dec := gob.NewDecoder(bytes.NewReader(data[len(magic):]))
	var h header
	if err := dec.Decode(&h); err != nil {
		return nil, nil, err
	}
	if h.Salt != s.salt {
		return nil, nil, errors.New("written by another version of the program")
	}
	// The entries' shards, then the stamps.
	var payloads [][]byte
	if err := dec.Decode(&payloads); err != nil {
		return nil, nil, err
	}
	if len(payloads) != shards+1 {
		return nil, nil, errors.New("not a pack of this format")
	}
	sum := sha256.New()
	for _, p := range payloads {
		sum.Write(p)
	}
	if !bytes.Equal(sum.Sum(nil), h.Checksum[:]) {
		return nil, nil, errors.New("checksum mismatch")
	}
	parts := make([]map[[32]byte]*engine.CachedFile, shards)
	var stamps map[string]stamped
	errs := make([]error, shards+1)
	var wg sync.WaitGroup
	for i, p := range payloads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == shards {
				errs[i] = gob.NewDecoder(bytes.NewReader(p)).Decode(&stamps)
				return
			}
			errs[i] = gob.NewDecoder(bytes.NewReader(p)).Decode(&parts[i])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	if stamps == nil {
		stamps = map[string]stamped{}
	}
	entries := parts[0]
	if entries == nil {
		entries = map[[32]byte]*engine.CachedFile{}
	}
	for _, part := range parts[1:] {
		for k, v := range part {
			entries[k] = v
		}
	}
	if len(entries) != h.Count {
		return nil, nil, errors.New("truncated")
	}
	return entries, stamps, nil
}

// Get implements engine.Cache. An entry put during this run is fresher
// than the pack's.
func (s *Store) Get(key [32]byte) (*engine.CachedFile, bool) {
	s.readOld()
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.used[key]
	if !ok {
		v, ok = s.old[key]
		if ok {
			s.used[key] = v
		}
	}
	if ok {
		s.Hits++
	} else {
		s.Misses++
	}
	return v, ok
}

// Put implements engine.Cache. Files with the same text, role and
// settings share a key: one parsed because an import reached it and one
// nothing needed. The entry with facts is kept.
func (s *Store) Put(key [32]byte, v *engine.CachedFile) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.used[key]; ok && old.Facts != nil && v.Facts == nil {
		return
	}
	s.used[key] = v
	s.dirty = true
}

var _ engine.StampCache = (*Store)(nil)

// Stamped implements engine.StampCache.
func (s *Store) Stamped(path string, st vfs.Stamp) ([32]byte, bool) {
	s.readOld()
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.usedStamps[path]
	if !ok {
		v, ok = s.oldStamps[path]
	}
	if !ok || v.Stamp != st {
		return [32]byte{}, false
	}
	s.usedStamps[path] = v
	return v.Hash, true
}

// PutStamp implements engine.StampCache.
func (s *Store) PutStamp(path string, st vfs.Stamp, hash [32]byte) {
	s.readOld()
	s.mu.Lock()
	defer s.mu.Unlock()
	v := stamped{st, hash}
	if s.oldStamps[path] != v {
		s.dirty = true
	}
	s.usedStamps[path] = v
}

// Save writes the entries this run used, atomically, when they differ
// from what was read. Entries of files that no longer exist are dropped.
func (s *Store) Save() error {
	s.readOld()
	s.mu.Lock()
	if !s.dirty && len(s.used) == len(s.old) && len(s.usedStamps) == len(s.oldStamps) {
		s.mu.Unlock()
		return nil
	}
	// Encoding takes a while: lookups and new entries go on meanwhile.
	used, usedStamps := s.used, s.usedStamps
	s.used = make(map[[32]byte]*engine.CachedFile, len(used))
	s.usedStamps = make(map[string]stamped, len(usedStamps))
	s.dirty = false
	s.mu.Unlock()
	if err := s.write(used, usedStamps); err != nil {
		// Nothing written: what was used stays to be written next time.
		s.mu.Lock()
		for k, v := range used {
			if _, ok := s.used[k]; !ok {
				s.used[k] = v
			}
		}
		for k, v := range usedStamps {
			if _, ok := s.usedStamps[k]; !ok {
				s.usedStamps[k] = v
			}
		}
		s.dirty = true
		s.mu.Unlock()
		return err
	}
	s.mu.Lock()
	s.old, s.oldStamps = used, usedStamps
	s.mu.Unlock()
	return nil
}

// write writes entries as the pack, atomically.
func (s *Store) write(entries map[[32]byte]*engine.CachedFile, stamps map[string]stamped) error {
	parts := make([]map[[32]byte]*engine.CachedFile, shards)
	for i := range parts {
		parts[i] = map[[32]byte]*engine.CachedFile{}
	}
	for k, v := range entries {
		parts[shardOf(k)][k] = v
	}
	payloads := make([][]byte, shards+1)
	errs := make([]error, shards+1)
	var wg sync.WaitGroup
	for i := range payloads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if i == shards {
				errs[i] = gob.NewEncoder(&b).Encode(stamps)
			} else {
				errs[i] = gob.NewEncoder(&b).Encode(parts[i])
			}
			payloads[i] = b.Bytes()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	sum := sha256.New()
	for _, p := range payloads {
		sum.Write(p)
	}
	h := header{Salt: s.salt, Count: len(entries)}
	copy(h.Checksum[:], sum.Sum(nil))
	var out bytes.Buffer
	out.Write(magic)
	enc := gob.NewEncoder(&out)
	if err := enc.Encode(h); err != nil {
		return err
	}
	if err := enc.Encode(payloads); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".pack-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(out.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

var (
	saltOnce sync.Once
	salt     [32]byte
)

// ExecutableSalt identifies the running program by the hash of its
// executable, so a pack written by another build is never used.
func ExecutableSalt() [32]byte {
	saltOnce.Do(func() {
		h := sha256.New()
		fmt.Fprintf(h, "format %d\n", format)
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				io.Copy(h, f)
				f.Close()
			}
		}
		copy(salt[:], h.Sum(nil))
	})
	return salt
}
