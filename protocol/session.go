package protocol

import (
	"context"
	"crypto/sha256"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
)

// document is an open editor buffer. The session changes it; requests
// never read it, but the versions it makes (docVersion).
type document struct {
	uri  uri.URI // as the client named it
	path string

	// Guarded by the session's lock:
	version int32
	seq     int        // number of edits applied since the document opened
	edits   []textEdit // recent edits, to move older diagnostics along
	current *docVersion

	mu  sync.Mutex // guards buf, which versions parse with
	buf *syntax.Document
}

// textEdit records one edit in byte offsets.
type textEdit struct {
	seq             int // the document's seq after this edit
	start, end, len int // replaced [start, end) with len bytes
}

// docVersion is one version of an open document: what a snapshot holds.
// It never changes; its single-file analysis is computed on first use and
// kept (memo), shared by every snapshot that holds the version.
type docVersion struct {
	doc     *document // the buffer it came from, whose parse it reuses
	uri     uri.URI
	path    string
	version int32
	seq     int
	text    []byte
	hash    [32]byte   // of text: what the snapshot read
	edits   []textEdit // the document's edits up to seq; the slice is never written again

	mu   sync.Mutex
	memo *docAnalysis
}

// newVersion records the document's current content as a version; the
// session's lock is held.
func (d *document) newVersion() *docVersion {
	text := d.buf.Src()
	d.current = &docVersion{
		doc: d, uri: d.uri, path: d.path, version: d.version, seq: d.seq,
		text: text, hash: sha256.Sum256(text), edits: d.edits[:len(d.edits):len(d.edits)],
	}
	return d.current
}

// docAnalysis is the single-file analysis of one version of a document
// under one project layout and configuration.
type docAnalysis struct {
	project  *project.Project
	config   *analysis.Config
	src      []byte
	facts    *facts.File
	local    *facts.Local
	findings []engine.Finding // the file's own findings
}

// analysis returns the single-file analysis of the version under the
// folder analysis es: computed once per project layout and configuration.
// A version whose analysis overruns its budget is skipped (and logged);
// the document's next edit makes a new version, analyzed afresh.
func (v *docVersion) analysis(es *folderAnalysis, log *logger) *docAnalysis {
	proj, config := es.snap.Project, es.snap.ConfigFor(v.path)
	v.mu.Lock()
	defer v.mu.Unlock()
	if a := v.memo; a != nil && a.project == proj && a.config == config {
		return a
	}
	a := v.analyze(es, log)
	a.project, a.config = proj, config
	v.memo = a
	return a
}

func (v *docVersion) analyze(es *folderAnalysis, log *logger) *docAnalysis {
	lang := v.doc.buf.Lang()
	if engine.SkipReason(v.text) != "" {
		// Skipped, as the workspace analysis skips it (and notes why):
		// parsing a generated bundle on every keystroke, and keeping its
		// tree, would cost far more than it tells.
		return skippedAnalysis(v.text, lang)
	}
	tree, err := v.doc.tree(v)
	var f *facts.File
	var local *facts.Local
	var findings []engine.Finding
	if err == nil {
		f, local, findings, err = es.snap.AnalyzeFile(v.path, tree)
	}
	if err != nil {
		// Over its budget: no findings for this text.
		log.infof("%s: skipped until its next edit: %v", v.path, err)
		return skippedAnalysis(v.text, lang)
	}
	return &docAnalysis{src: v.text, facts: f, local: local, findings: findings}
}

// tree returns the syntax tree of version v: the buffer's, parsed
// incrementally, while the buffer still holds v; otherwise a fresh parse.
func (d *document) tree(v *docVersion) (*syntax.Tree, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	// Every edit makes a new slice, so the buffer holds v while its
	// content is v's very slice.
	if src := d.buf.Src(); len(src) == len(v.text) && (len(src) == 0 || &src[0] == &v.text[0]) {
		return d.buf.Tree()
	}
	return syntax.Parse(v.text, d.buf.Lang())
}

// editsSince returns the version's edits after seq, or ok=false when they
// are no longer known.
func (v *docVersion) editsSince(seq int) (edits []textEdit, ok bool) {
	if seq == v.seq {
		return nil, true
	}
	for i, e := range v.edits {
		if e.seq == seq+1 {
			return v.edits[i:], true
		}
	}
	return nil, false
}

// folderAnalysis is a workspace folder's latest analyzed snapshot and, for
// each open document, which version that analysis read.
type folderAnalysis struct {
	snap *engine.Snapshot
	read map[string]docMark
}

// docMark identifies a version of a document.
type docMark struct {
	seq  int
	hash [32]byte
}

// snapshot is what requests read: the documents, settings and analyses at
// one moment. It is never modified.
type snapshot struct {
	id      uint64
	docs    map[string]*docVersion
	folders []string
	engines map[string]*folderAnalysis
	// discovered holds, per folder being indexed, its discovered
	// snapshot: roles and settings, enough for the open documents' own
	// checks.
	discovered map[string]*engine.Snapshot
	settings   *settings
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

// docsIn returns the open documents under folder f, sorted.
func (sn *snapshot) docsIn(f string) []string {
	var out []string
	for p := range sn.docs {
		if sn.folderFor(p) == f {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// engineFor returns the analysis of the folder containing path, or nil.
func (sn *snapshot) engineFor(path string) *folderAnalysis {
	return sn.engines[sn.folderFor(path)]
}

// overlay returns the disk with the open documents laid over it.
func (sn *snapshot) overlay(base vfs.FS) vfs.FS {
	files := make(map[string][]byte, len(sn.docs))
	for p, v := range sn.docs {
		files[p] = v.text
	}
	return vfs.NewOverlay(base, files)
}

// withSourcesOf returns sn with the source documents of folder f as now
// holds them. The other documents (settings, package.json) keep sn's
// text: the discovery read those, and an index must agree with it.
func (sn *snapshot) withSourcesOf(now *snapshot, f string) *snapshot {
	out := *sn
	out.docs = make(map[string]*docVersion, len(sn.docs))
	for p, v := range sn.docs {
		out.docs[p] = v
	}
	for p, v := range now.docs {
		if _, source := syntax.LangForPath(p); source && now.folderFor(p) == f {
			out.docs[p] = v
		}
	}
	return &out
}

// session is the server's mutable state. Everything that changes it goes
// through modify.
type session struct {
	s *Server

	mu        sync.Mutex
	folders   []string
	docs      map[string]*document
	settings  *settings
	engines   map[string]*folderAnalysis
	pending   map[string]map[string]bool // folder -> paths changed since its analysis
	dirtyDocs map[string]bool            // documents awaiting their first-phase check
	urgent    bool                       // skip the debounce: a load or a save
	seq       uint64
	cancel    context.CancelFunc   // cancels the running second phase
	indexing  map[string]*indexRun // folders being indexed in the background
	failed    map[string]bool      // folders whose index failed, retried on the next change

	current atomic.Pointer[snapshot]
	wake    chan struct{}
	busy    bool // a change is not yet fully diagnosed and published

	notedMu sync.Mutex
	noted   map[string]map[string]bool // per folder, the notes last told

	docPubMu sync.Mutex // one open document's publication at a time

	pubMu     sync.Mutex
	published map[uri.URI]string // what was last published per document, by content key
}

func newSession(s *Server) *session {
	st := &session{
		s:         s,
		docs:      map[string]*document{},
		settings:  defaultSettings(),
		engines:   map[string]*folderAnalysis{},
		pending:   map[string]map[string]bool{},
		dirtyDocs: map[string]bool{},
		wake:      make(chan struct{}, 1),
		published: map[uri.URI]string{},
		noted:     map[string]map[string]bool{},
		indexing:  map[string]*indexRun{},
		failed:    map[string]bool{},
	}
	st.current.Store(&snapshot{docs: map[string]*docVersion{}, engines: map[string]*folderAnalysis{}, settings: st.settings})
	return st
}

func (st *session) close() {
	st.mu.Lock()
	if st.cancel != nil {
		st.cancel()
	}
	for f := range st.indexing {
		st.stopIndexLocked(f)
	}
	for _, d := range st.docs {
		d.mu.Lock()
		d.buf.Close()
		d.mu.Unlock()
	}
	st.mu.Unlock()
}

// modification says what caused a change of the session: the funnel
// acts on it (an analysis result does not start another analysis), and
// the log names it.
type modification uint8

const (
	fromInitialized modification = iota
	fromDidOpen
	fromDidChange
	fromDidSave
	fromDidClose
	fromWatchedFiles
	fromWorkspaceFolders
	fromConfig
	fromAnalysis // the analysis loop installs a folder's new analysis
)

var modificationNames = [...]string{"initialized", "didOpen", "didChange", "didSave", "didClose", "didChangeWatchedFiles", "didChangeWorkspaceFolders", "didChangeConfiguration", "analysis"}

func (m modification) String() string { return modificationNames[m] }

// didModify is the one funnel for changes: it applies change under the
// lock and makes the next immutable snapshot. Unless the change is an
// analysis result, it also cancels the analysis of the previous snapshot
// and wakes the diagnostics loop. subject (a path, a folder) is for the
// log.
func (st *session) didModify(cause modification, subject string, change func()) {
	st.mu.Lock()
	change()
	st.seq++
	seq := st.seq
	st.storeSnapshotLocked()
	if cause != fromAnalysis {
		clear(st.failed)
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
	}
	st.mu.Unlock()
	if subject != "" {
		st.s.log.debugf("snapshot %d: %s %s", seq, cause, subject)
	} else {
		st.s.log.debugf("snapshot %d: %s", seq, cause)
	}
}

// storeSnapshotLocked publishes the snapshot of the current state.
func (st *session) storeSnapshotLocked() {
	sn := &snapshot{
		id:       st.seq,
		docs:     make(map[string]*docVersion, len(st.docs)),
		folders:  append([]string(nil), st.folders...),
		engines:  make(map[string]*folderAnalysis, len(st.engines)),
		settings: st.settings,
	}
	for f, run := range st.indexing {
		if run.discovered != nil {
			if sn.discovered == nil {
				sn.discovered = map[string]*engine.Snapshot{}
			}
			sn.discovered[f] = run.discovered
		}
	}
	for p, d := range st.docs {
		sn.docs[p] = d.current
	}
	for f, e := range st.engines {
		sn.engines[f] = e
	}
	st.current.Store(sn)
}

// markChangedLocked records that path changed, for the folder containing it.
func (st *session) markChangedLocked(path string) {
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
func (st *session) addFolderLocked(root string) {
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

func (st *session) removeFolderLocked(root string) {
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
	st.stopIndexLocked(root)
}

// skippedAnalysis stands for a text that is not analyzed: the facts of an
// empty file, no findings.
func skippedAnalysis(src []byte, lang syntax.Lang) *docAnalysis {
	f, local := facts.Extract(syntax.Empty(lang))
	return &docAnalysis{src: src, facts: f, local: local}
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

func (st *session) testState() testState {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := testState{Settled: !st.busy, Documents: map[uri.URI]testDoc{}}
	for _, d := range st.docs {
		out.Documents[d.uri] = testDoc{Version: d.version, Text: string(d.current.text)}
	}
	return out
}
