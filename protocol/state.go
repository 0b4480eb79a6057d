package protocol

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
)

// document is an open editor buffer.
type document struct {
	uri  uri.URI // as the client named it
	path string

	mu      sync.Mutex // guards everything below
	buf     *syntax.Document
	version int32
	seq     int        // number of edits applied since the document opened
	edits   []textEdit // recent edits, to move older diagnostics along
	cached  *docAnalysis
}

// textEdit records one edit in byte offsets.
type textEdit struct {
	seq             int // the document's seq after this edit
	start, end, len int // replaced [start, end) with len bytes
}

// docAnalysis is the single-file analysis of one version of a document.
type docAnalysis struct {
	seq      int
	src      []byte
	facts    *facts.File
	local    *facts.Local
	findings []engine.Finding // the file's own findings
}

// docState is a document as a snapshot sees it: immutable.
type docState struct {
	uri     uri.URI
	path    string
	version int32
	seq     int
	text    []byte
}

// engineState is a workspace folder's latest analyzed snapshot and, for
// each open document, which of its edits that snapshot saw.
type engineState struct {
	snap   *engine.Snapshot
	docSeq map[string]int
}

// snapshot is what requests read: the documents, settings and analyses at
// one moment. It is never modified.
type snapshot struct {
	id       uint64
	docs     map[string]docState
	folders  []string
	engines  map[string]*engineState
	settings *analysis.Settings
}

// folderFor returns the workspace folder containing path, or "".
func (sn *snapshot) folderFor(path string) string {
	best := ""
	for _, f := range sn.folders {
		if (path == f || strings.HasPrefix(path, f+string(filepath.Separator))) && len(f) > len(best) {
			best = f
		}
	}
	return best
}

// engineFor returns the analysis of the folder containing path, or nil.
func (sn *snapshot) engineFor(path string) *engineState {
	return sn.engines[sn.folderFor(path)]
}

// overlay returns the disk with the open documents laid over it.
func (sn *snapshot) overlay(base vfs.FS) vfs.FS {
	files := make(map[string][]byte, len(sn.docs))
	for p, d := range sn.docs {
		files[p] = d.text
	}
	return vfs.NewOverlay(base, files)
}

// state is the server's mutable session. Everything that changes it goes
// through modify.
type state struct {
	s *Server

	mu        sync.Mutex
	folders   []string
	docs      map[string]*document
	settings  *analysis.Settings
	engines   map[string]*engineState
	pending   map[string]map[string]bool // folder -> paths changed since its analysis
	dirtyDocs map[string]bool            // documents awaiting their first-phase check
	urgent    bool                       // skip the debounce: a load or a save
	seq       uint64
	cancel    context.CancelFunc // cancels the running second phase

	current atomic.Pointer[snapshot]
	wake    chan struct{}
	busy    bool // a change is not yet fully diagnosed and published

	noted map[string]map[string]bool // per folder, the notes last told; only run uses it

	pubMu     sync.Mutex
	published map[uri.URI]string // what was last published per document, by content key
}

func newState(s *Server) *state {
	st := &state{
		s:         s,
		docs:      map[string]*document{},
		settings:  &analysis.Settings{},
		engines:   map[string]*engineState{},
		pending:   map[string]map[string]bool{},
		dirtyDocs: map[string]bool{},
		wake:      make(chan struct{}, 1),
		published: map[uri.URI]string{},
		noted:     map[string]map[string]bool{},
	}
	st.current.Store(&snapshot{docs: map[string]docState{}, engines: map[string]*engineState{}, settings: st.settings})
	return st
}

func (st *state) close() {
	st.mu.Lock()
	if st.cancel != nil {
		st.cancel()
	}
	for _, d := range st.docs {
		d.mu.Lock()
		d.buf.Close()
		d.mu.Unlock()
	}
	st.mu.Unlock()
}

// modify is the one funnel for changes: it applies change under the lock,
// makes the next immutable snapshot, cancels analysis of the previous one
// and wakes the diagnostics loop. cause names the change in the log.
func (st *state) modify(cause string, change func()) {
	st.mu.Lock()
	change()
	st.seq++
	seq := st.seq
	st.storeSnapshotLocked()
	if st.cancel != nil {
		st.cancel()
		st.cancel = nil
	}
	// Woken under the lock, so that run sees busy and the wake together.
	st.busy = true
	select {
	case st.wake <- struct{}{}:
	default:
	}
	st.mu.Unlock()
	st.s.log.debugf("snapshot %d: %s", seq, cause)
}

// storeSnapshotLocked publishes the snapshot of the current state.
func (st *state) storeSnapshotLocked() {
	sn := &snapshot{
		id:       st.seq,
		docs:     make(map[string]docState, len(st.docs)),
		folders:  append([]string(nil), st.folders...),
		engines:  make(map[string]*engineState, len(st.engines)),
		settings: st.settings,
	}
	for p, d := range st.docs {
		d.mu.Lock()
		sn.docs[p] = docState{uri: d.uri, path: p, version: d.version, seq: d.seq, text: d.buf.Src()}
		d.mu.Unlock()
	}
	for f, e := range st.engines {
		sn.engines[f] = e
	}
	st.current.Store(sn)
}

// markChangedLocked records that path changed, for the folder containing it.
func (st *state) markChangedLocked(path string) {
	for _, f := range st.folders {
		if path == f || strings.HasPrefix(path, f+string(filepath.Separator)) {
			if st.pending[f] == nil {
				st.pending[f] = map[string]bool{}
			}
			st.pending[f][path] = true
		}
	}
}

// folderConfined is a file system that reads only inside the folders it
// is told about (osfs.Confined), and remembers directory links until told
// that files changed.
type folderConfined interface {
	AddFolder(dir string)
	RemoveFolder(dir string)
	Forget()
}

// addFolderLocked adds a workspace folder; its analysis starts on the
// next second phase.
func (st *state) addFolderLocked(root string) {
	for _, f := range st.folders {
		if f == root {
			return
		}
	}
	st.folders = append(st.folders, root)
	sort.Strings(st.folders)
	st.urgent = true
	if c, ok := st.s.opts.FS.(folderConfined); ok {
		c.AddFolder(root)
	}
}

func (st *state) removeFolderLocked(root string) {
	for i, f := range st.folders {
		if f == root {
			st.folders = append(st.folders[:i], st.folders[i+1:]...)
			if c, ok := st.s.opts.FS.(folderConfined); ok {
				c.RemoveFolder(root)
			}
			break
		}
	}
	delete(st.engines, root)
	delete(st.pending, root)
}

// analyze returns the single-file analysis of the document's current text,
// computing it (with an incremental reparse) when it is stale.
func (st *state) analyze(d *document, es *engineState) *docAnalysis {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cached != nil && d.cached.seq == d.seq {
		return d.cached
	}
	if reason := engine.SkipReason(d.buf.Src()); reason != "" {
		// Skipped, as the workspace analysis skips it (and notes why):
		// parsing a generated bundle on every keystroke, and keeping its
		// tree, would cost far more than it tells.
		d.cached = skippedAnalysis(d.seq, d.buf.Src(), d.buf.Lang())
		return d.cached
	}
	tree, err := d.buf.Tree()
	var f *facts.File
	var local *facts.Local
	var findings []engine.Finding
	if err == nil {
		f, local, findings, err = es.snap.AnalyzeFile(d.path, tree)
	}
	if err != nil {
		// Over its budget: no findings for this text. The document keeps
		// the verdict until its next edit, which is analyzed afresh.
		st.s.log.infof("%s: skipped until its next edit: %v", d.path, err)
		d.cached = skippedAnalysis(d.seq, d.buf.Src(), d.buf.Lang())
		return d.cached
	}
	d.cached = &docAnalysis{seq: d.seq, src: tree.Src, facts: f, local: local, findings: findings}
	return d.cached
}

// skippedAnalysis stands for a text that is not analyzed: the facts of an
// empty file, no findings.
func skippedAnalysis(seq int, src []byte, lang syntax.Lang) *docAnalysis {
	f, local := facts.Extract(syntax.Empty(lang))
	return &docAnalysis{seq: seq, src: src, facts: f, local: local}
}

// editsSince returns the document's edits after seq, or ok=false when they
// are no longer known.
func (d *document) editsSince(seq int) (edits []textEdit, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if seq == d.seq {
		return nil, true
	}
	for i, e := range d.edits {
		if e.seq == seq+1 {
			return append([]textEdit(nil), d.edits[i:]...), true
		}
	}
	return nil, false
}

// maxKeptEdits bounds the edit history kept to move diagnostics along.
const maxKeptEdits = 4096

func (d *document) recordEdit(e textEdit) {
	d.edits = append(d.edits, e)
	if len(d.edits) > maxKeptEdits {
		d.edits = append([]textEdit(nil), d.edits[len(d.edits)-maxKeptEdits/2:]...)
	}
}

// shift moves a byte range through later edits; ok is false when an edit
// touched the range, which then no longer means anything.
func shift(start, end int, edits []textEdit) (int, int, bool) {
	for _, e := range edits {
		delta := e.len - (e.end - e.start)
		switch {
		case end <= e.start:
			// before the edit: unchanged
		case start >= e.end:
			start += delta
			end += delta
		default:
			return 0, 0, false
		}
	}
	return start, end, true
}

// testDoc and testState describe the session to tests.
type testDoc struct {
	Version int32  `json:"version"`
	Text    string `json:"text"`
}

type testState struct {
	Settled   bool                `json:"settled"` // no change awaits its diagnostics
	Documents map[uri.URI]testDoc `json:"documents"`
}

func (st *state) testState() testState {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := testState{Settled: !st.busy, Documents: map[uri.URI]testDoc{}}
	for _, d := range st.docs {
		d.mu.Lock()
		out.Documents[d.uri] = testDoc{Version: d.version, Text: string(d.buf.Src())}
		d.mu.Unlock()
	}
	return out
}
