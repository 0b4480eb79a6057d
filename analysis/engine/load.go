package engine

import (
	"context"
	"sync"

	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/resolve"
)

// waiting reports whether the result is of a file read but not parsed,
// because nothing needed it.
func (r *FileResult) waiting() bool { return r.Facts == nil && r.Skip == "" }

// fileState is where a file is in a loading.
type fileState uint8

const (
	unread   fileState = iota
	queued             // in needed: to read (if unread before) and parse
	working            // a worker has it
	deferred           // read, and parsed only if a parsed file imports it
	done
)

// loading reads and analyzes files in parallel. Each file is read once,
// in order (Options.First first); one that some file check may report on,
// or where the module graph may start, is parsed at once. Any other file
// waits, read but not parsed, until a parsed file imports it in either
// environment; then it goes before the files not yet read, so an open
// document's imports are parsed before the rest of the workspace. When
// nothing is left, every module the graph can reach has its facts: the
// graph starts only at wanted files and follows imports, and every import
// of every parsed file led to a parsed file. What still waits cannot
// matter to any check, and costs a read instead of a parse.
type loading struct {
	s     *Snapshot
	ctx   context.Context
	paths []string
	index map[string]int
	prev  map[string]*FileResult
	force []bool // parse whatever the text: First, and files parsed before (Update)

	mu       sync.Mutex
	cond     *sync.Cond
	state    []fileState
	claimed  []bool   // imported while a worker had it
	read     []bool   // read once already
	srcs     [][]byte // deferred files' texts
	results  []*FileResult
	needed   []int // queued files, the latest claimed last
	next     int   // the next file of paths to read
	busy     int
	finished int
}

// analyzeFiles reads and analyzes the files at paths (see loading) and
// returns their results in the same order. Results whose content hash
// matches prev are reused without parsing. force lists files to parse in
// any case, besides Options.First.
func (s *Snapshot) analyzeFiles(ctx context.Context, paths []string, prev map[string]*FileResult, force map[string]bool) []*FileResult {
	l := &loading{
		s: s, ctx: ctx, prev: prev,
		index:   make(map[string]int, len(paths)),
		force:   make([]bool, len(paths)),
		state:   make([]fileState, len(paths)),
		claimed: make([]bool, len(paths)),
		read:    make([]bool, len(paths)),
		srcs:    make([][]byte, len(paths)),
		results: make([]*FileResult, len(paths)),
	}
	l.cond = sync.NewCond(&l.mu)
	// First goes first; the rest keep their order.
	first := map[string]bool{}
	for _, p := range s.opts.First {
		first[p] = true
	}
	l.paths = make([]string, 0, len(paths))
	for _, p := range paths {
		if first[p] {
			l.paths = append(l.paths, p)
		}
	}
	for _, p := range paths {
		if !first[p] {
			l.paths = append(l.paths, p)
		}
	}
	for i, p := range l.paths {
		l.index[p] = i
		l.force[i] = first[p] || force[p] || s.opts.ParseAll
	}
	workers := s.workers()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.work()
		}()
	}
	wg.Wait()
	out := make([]*FileResult, len(paths))
	for i, p := range paths {
		out[i] = l.results[l.index[p]]
	}
	return out
}

// work analyzes files until none is left.
func (l *loading) work() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for {
		if l.ctx.Err() != nil {
			l.cond.Broadcast()
			return
		}
		i, ok := l.take()
		if !ok {
			if l.busy == 0 {
				l.cond.Broadcast()
				return
			}
			l.cond.Wait()
			continue
		}
		need := l.state[i] == queued || l.force[i]
		first := !l.read[i]
		src := l.srcs[i]
		l.srcs[i], l.read[i] = nil, true
		l.state[i] = working
		l.busy++
		l.mu.Unlock()
		r, src, wait, targets := l.process(i, src, first, need)
		l.mu.Lock()
		l.busy--
		l.results[i] = r
		if wait && l.claimed[i] {
			wait = false // imported meanwhile: parse it after all
			l.state[i], l.srcs[i] = queued, src
			l.needed = append(l.needed, i)
		} else if wait {
			l.state[i], l.srcs[i] = deferred, src
		} else if l.state[i] == working {
			l.state[i] = done
		}
		for _, t := range targets {
			l.claim(t)
		}
		if first {
			l.finished++
			if p := l.s.opts.Progress; p != nil {
				p(l.finished, len(l.paths))
			}
		}
		l.cond.Broadcast()
	}
}

// take picks the next file: an imported one, else the next unread one.
func (l *loading) take() (int, bool) {
	if n := len(l.needed); n > 0 {
		i := l.needed[n-1]
		l.needed = l.needed[:n-1]
		return i, true
	}
	for l.next < len(l.paths) {
		i := l.next
		l.next++
		if l.state[i] == unread {
			return i, true
		}
	}
	return 0, false
}

// claim marks a file as imported by a parsed one.
func (l *loading) claim(path string) {
	i, ok := l.index[path]
	if !ok {
		return
	}
	switch l.state[i] {
	case unread, deferred:
		l.state[i] = queued
		l.needed = append(l.needed, i)
	case working:
		l.claimed[i] = true
	}
}

// process reads (when first, else src is its text) and analyzes file i.
// wait says the file is read, not parsed, and returns its text; targets
// are the workspace files a parsed file imports.
func (l *loading) process(i int, src []byte, first, need bool) (r *FileResult, _ []byte, wait bool, targets []string) {
	s := l.s
	path := l.paths[i]
	if first {
		var complete bool
		r, src, complete = s.openFile(path, l.prev[path])
		if complete {
			return r, nil, false, l.targets(r)
		}
	} else {
		r = l.results[i] // read before, deferred
	}
	if !need && !s.wantedCached(r, &src) {
		return r, src, true, nil
	}
	if r.Skip != "" {
		return r, nil, false, nil // it could not be read after all
	}
	if !s.fromCache(r) {
		r = s.finishFile(r, src)
	}
	return r, nil, false, l.targets(r)
}

// targets returns the files r's imports resolve to, in either
// environment, whatever the import (a type-only one too: checks and
// requests follow those).
func (l *loading) targets(r *FileResult) []string {
	if r.Facts == nil {
		return nil
	}
	return importTargets(l.s.resolver, r.Path, r.Facts)
}

func importTargets(res *resolve.Resolver, path string, f *facts.File) []string {
	var out []string
	d := res.ForImporter(path)
	for k := range f.Imports {
		imp := &f.Imports[k]
		for _, env := range graph.Envs {
			t := d.Resolve(imp.Source, env, imp.Kind == facts.ImportRequire)
			if t.Kind == resolve.File && (len(out) == 0 || out[len(out)-1] != t.Path) {
				out = append(out, t.Path)
			}
		}
	}
	return out
}
