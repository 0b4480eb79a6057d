package protocol

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textpos"
)

// run is the diagnostics loop. On each change it runs the first phase at
// once (the edited documents' own checks), waits for the typing pause
// (diagnosticsDelay), then runs the second phase: the workspace's module
// graph and every check that depends on it.
func (st *session) run() {
	done := st.s.done
	for {
		st.mu.Lock()
		if len(st.wake) == 0 && len(st.indexing) == 0 {
			st.busy = false // every change so far is published
		}
		st.mu.Unlock()
		select {
		case <-st.wake:
		case <-done:
			return
		}
		st.safely("checking edited documents", st.phase1)
		if !st.takeUrgent() {
			timer := time.NewTimer(time.Duration(st.current.Load().settings.server.Delay()) * time.Millisecond)
		wait:
			for {
				select {
				case <-st.wake:
					st.safely("checking edited documents", st.phase1)
					if st.takeUrgent() {
						timer.Stop()
						break wait
					}
					timer.Reset(time.Duration(st.current.Load().settings.server.Delay()) * time.Millisecond)
				case <-timer.C:
					break wait
				case <-done:
					timer.Stop()
					return
				}
			}
		}
		st.safely("analyzing the workspace", st.phase2)
	}
}

// safely runs a step of the loop. A panic there is a bug in rscls: it is
// logged with its stack and shown as the status, and the loop goes on, so
// requests, and the next edit, are still served.
func (st *session) safely(step string, run func()) {
	defer func() {
		if p := recover(); p != nil {
			st.s.log.errorf("internal error %s: %v\n%s", step, p, debug.Stack())
			st.s.status("error", "internal error; see the log")
		}
	}()
	run()
}

func (st *session) takeUrgent() bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	u := st.urgent
	st.urgent = false
	return u
}

// phase1 checks the documents edited since the last run, on their
// current text, and publishes them with their graph findings carried over.
func (st *session) phase1() {
	st.mu.Lock()
	dirty := st.dirtyDocs
	st.dirtyDocs = map[string]bool{}
	st.mu.Unlock()
	sn := st.current.Load()
	for path := range dirty {
		st.publishDoc(sn, path)
	}
}

// docFindings returns an open document's findings on the version the
// snapshot holds: its own checks, plus the graph checks of the folder's
// analysis moved along the edits made since that analysis read it. It
// also returns the text they refer to.
func (st *session) docFindings(sn *snapshot, v *docVersion) ([]engine.Finding, []byte, bool) {
	es := sn.engineFor(v.path)
	if es == nil {
		// The folder is indexing. The document's own checks depend on its
		// text, its role and the settings, which discovery knows: they are
		// final and published now. Its graph findings are not: whether a
		// module is in the server or the client graph depends on every
		// root of the workspace and every import between them, known only
		// once every file is read and every module the graph can reach is
		// parsed, that is when Index returns. Until then the document has
		// none, rather than some the complete graph could withdraw; the
		// index publishes them when it is installed.
		d := sn.discovered[sn.folderFor(v.path)]
		if d == nil {
			return nil, nil, false // not even discovered yet: the index publishes it
		}
		es = &folderAnalysis{snap: d}
	}
	a := v.analysis(es, st.s.log)
	out := append([]engine.Finding(nil), a.findings...)
	graphFindings := es.snap.GraphFindingsFor(v.path)
	if len(graphFindings) > 0 {
		var edits []textEdit
		ok := true
		if read, seen := es.read[v.path]; seen {
			edits, ok = v.editsSince(read.seq)
		} else if r := es.snap.File(v.path); r == nil || r.Hash != v.hash {
			// The analysis read the disk, which holds other text than
			// the buffer: its offsets may not fit.
			ok = false
		}
		if ok {
			for _, f := range graphFindings {
				start, end, still := shift(f.Start, f.End, edits)
				if !still || end > len(a.src) {
					continue
				}
				if len(edits) > 0 {
					f.Start, f.End = start, end
					f.Fixes = nil // their edits refer to the older text
				}
				out = append(out, f)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, a.src, true
}

// publishDoc publishes the findings of an open document as the latest
// snapshot holds it. The diagnostics loop and an index both publish
// documents: one at a time, each from the latest snapshot, so that an
// older result never overwrites a newer one.
func (st *session) publishDoc(_ *snapshot, path string) {
	st.docPubMu.Lock()
	defer st.docPubMu.Unlock()
	sn := st.current.Load()
	v := sn.docs[path]
	if v == nil {
		return
	}
	findings, src, ok := st.docFindings(sn, v)
	if !ok {
		return
	}
	version := v.version
	st.publish(v.uri, &version, findings, textpos.NewMapper(src), sn)
}

// phase2 brings every folder's analysis up to date with the latest
// snapshot and publishes what changed. A folder with no analysis yet is
// indexed in the background (index), so that the loop goes on checking
// the documents opened and edited meanwhile.
func (st *session) phase2() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st.mu.Lock()
	st.cancel = cancel
	sn := st.current.Load()
	work := map[string][]string{} // folder -> changed paths
	for _, f := range sn.folders {
		if st.engines[f] == nil {
			if st.indexing[f] == nil && !st.failed[f] {
				st.startIndexLocked(f, sn)
			}
		} else if len(st.pending[f]) > 0 {
			for p := range st.pending[f] {
				work[f] = append(work[f], p)
			}
		}
	}
	st.mu.Unlock()
	if len(work) == 0 {
		return
	}
	base := sn.overlay(st.s.opts.FS)
	folders := make([]string, 0, len(work))
	for f := range work {
		folders = append(folders, f)
	}
	sort.Strings(folders)
	failed := false
	for _, f := range folders {
		// Open documents are parsed, and what they import, whatever
		// checks want of them: requests on them follow their imports.
		opts := engine.Options{Analyzers: st.s.opts.Analyzers, Overrides: sn.settings.config, DriverSettings: SettingsSection, First: sn.docsIn(f)}
		start := time.Now()
		sort.Strings(work[f])
		next, err := sn.engines[f].snap.Update(ctx, base, work[f], opts)
		if ctx.Err() != nil {
			return // a newer change arrived: the loop starts over
		}
		if err != nil {
			st.s.log.errorf("analyzing %s: %v", f, err)
			failed = true
			continue
		}
		st.s.log.infof("analyzed %s: %d files in %s", f, len(next.Files()), roundDuration(time.Since(start)))
		st.install(f, sn, next, work[f])
	}
	st.settle(failed)
}

// install makes next the analysis of folder f, made from snapshot sn
// with the changes of paths (nil for an index), tells its new notes and
// publishes what changed.
func (st *session) install(f string, sn *snapshot, next *engine.Snapshot, paths []string) bool {
	// A note is told when it appears, not on every analysis after.
	noted := map[string]bool{}
	st.notedMu.Lock()
	notes := next.Notes()
	// A hole in the graph must not look like a clean app.
	if u := engine.UnresolvedSummary(next.Unresolved()); u != "" {
		notes = append(notes, engine.Note{Path: f, Message: u})
	}
	for _, n := range notes {
		key := n.Path + "\x00" + n.Message
		noted[key] = true
		switch {
		case st.noted[f][key]:
		case n.Error:
			st.s.showMessage(lsp.MessageTypeError, fmt.Sprintf("rscls: %s: %s", n.Path, n.Message))
		default:
			st.s.log.infof("%s: %s", n.Path, n.Message)
		}
	}
	st.noted[f] = noted
	st.notedMu.Unlock()
	es := &folderAnalysis{snap: next, read: map[string]docMark{}}
	for p, v := range sn.docs {
		es.read[p] = docMark{seq: v.seq, hash: v.hash}
	}
	installed := false
	st.didModify(fromAnalysis, f, func() {
		if !containsString(st.folders, f) {
			return // removed while it was analyzed
		}
		st.engines[f] = es
		for _, p := range paths {
			delete(st.pending[f], p)
		}
		installed = true
	})
	if installed {
		st.publishFolder(st.current.Load(), f, es)
	}
	return installed
}

// settle reports the state once an analysis is installed: indexing while
// a folder still indexes, else ready (or failed).
func (st *session) settle(failed bool) {
	st.mu.Lock()
	n, indexing := 0, len(st.indexing) > 0
	for _, es := range st.engines {
		n += es.snap.Skipped()
	}
	st.mu.Unlock()
	if indexing {
		return
	}
	skipped := ""
	switch {
	case n == 1:
		skipped = "1 file not analyzed; the log says why"
	case n > 1:
		skipped = fmt.Sprintf("%d files not analyzed; the log says why", n)
	}
	if failed {
		st.s.status("error", "the analysis failed; see the log")
	} else {
		st.s.status("ready", skipped)
	}
	if st.s.caps.codeLensRefresh {
		go func() {
			if err := st.s.client.CodeLensRefresh(context.Background()); err != nil {
				st.s.log.debugf("codeLens refresh: %v", err)
			}
		}()
	}
}

// indexRun is the indexing of one folder, in the background.
type indexRun struct {
	cancel     context.CancelFunc
	discovered *engine.Snapshot // once discovery is done
}

// startIndexLocked starts indexing folder f from snapshot sn; the
// session's lock is held. Edits of documents do not stop it: they are
// pending changes, applied by an update once it is installed. New
// settings, the folder's removal and shutdown do (stopIndexLocked).
func (st *session) startIndexLocked(f string, sn *snapshot) {
	ctx, cancel := context.WithCancel(context.Background())
	run := &indexRun{cancel: cancel}
	st.indexing[f] = run
	opts := engine.Options{Analyzers: st.s.opts.Analyzers, Overrides: sn.settings.config, DriverSettings: SettingsSection, First: sn.docsIn(f)}
	go st.safely("analyzing the workspace", func() { st.index(ctx, run, f, sn, opts) })
}

// stopIndexLocked stops indexing folder f; the session's lock is held.
func (st *session) stopIndexLocked(f string) {
	if run := st.indexing[f]; run != nil {
		run.cancel()
		delete(st.indexing, f)
	}
}

// index discovers and analyzes folder f in the background, then installs
// the analysis and wakes the diagnostics loop, which applies the changes
// made meanwhile.
func (st *session) index(ctx context.Context, run *indexRun, f string, sn *snapshot, opts engine.Options) {
	current := func() bool { return st.indexing[f] == run } // under the lock
	finished := false                                       // false on an error or a panic
	defer func() {
		run.cancel()
		st.mu.Lock()
		if current() {
			delete(st.indexing, f)
			if !finished {
				st.failed[f] = true // not retried until something changes
			}
		}
		// Wake the loop: pending changes become an update, and busy
		// clears once nothing indexes.
		st.urgent = true
		select {
		case st.wake <- struct{}{}:
		default:
		}
		st.mu.Unlock()
	}()
	st.s.status("indexing", "")
	progress := st.s.beginProgress("rscls: indexing " + filepath.Base(f))
	var reported atomic.Int64
	opts.Progress = func(done, total int) {
		// At most a hundred reports, and the last.
		if pct := int64(100 * done / max(total, 1)); pct > reported.Load() || done == total {
			reported.Store(pct)
			progress.report(fmt.Sprintf("%d/%d files", done, total), uint32(pct))
		}
	}
	var store FolderCache
	if st.s.opts.Cache != nil {
		store = st.s.opts.Cache(f)
		opts.Cache = store
	}
	start := time.Now()
	base := sn.overlay(st.s.opts.FS)
	d, err := engine.Discover(ctx, base, f, opts)
	if err == nil {
		st.didModify(fromAnalysis, f, func() {
			if current() {
				run.discovered = d
			}
		})
		// Open documents' own checks, at once.
		now := st.current.Load()
		for p := range now.docs {
			if now.folderFor(p) == f {
				st.publishDoc(now, p)
			}
		}
	}
	var next *engine.Snapshot
	if err == nil {
		// Documents opened or edited while the discovery ran are read as
		// they are now, so that the update applying their changes after
		// the index finds nothing new in them.
		sn = sn.withSourcesOf(st.current.Load(), f)
		next, err = d.IndexOn(ctx, sn.overlay(st.s.opts.FS), sn.docsIn(f))
	}
	if ctx.Err() != nil {
		finished = true
		progress.end("stopped")
		return
	}
	if err != nil {
		st.s.log.errorf("analyzing %s: %v", f, err)
		progress.end("failed")
		st.s.status("error", "the analysis failed; see the log")
		return
	}
	finished = true
	st.s.log.infof("analyzed %s: %d files in %s", f, len(next.Files()), roundDuration(time.Since(start)))
	st.mu.Lock()
	still := current()
	st.mu.Unlock()
	if !still || !st.install(f, sn, next, nil) {
		progress.end("stopped")
		return
	}
	st.mu.Lock()
	delete(st.indexing, f)
	// Changes made while it indexed are applied next, by the loop, which
	// then reports ready: until then requests would see their documents
	// as the index read them.
	changed := len(st.pending[f]) > 0
	st.mu.Unlock()
	skipped := ""
	if n := next.Skipped(); n == 1 {
		skipped = "1 file not analyzed; the log says why"
	} else if n > 1 {
		skipped = fmt.Sprintf("%d files not analyzed; the log says why", n)
	}
	progress.end(skipped)
	if changed {
		st.wakeLoop() // it applies them while the cache is written
	}
	// The cache is written once the findings are out: encoding it costs
	// as much as the graph checks, and no finding depends on it.
	if store != nil {
		st.s.cacheWrite.Lock()
		serr := store.Save()
		st.s.cacheWrite.Unlock()
		if serr != nil {
			st.s.log.debugf("cache: %v", serr)
		}
		hits, misses := store.Counts()
		st.s.log.debugf("cache: %d files reused, %d analyzed", hits, misses)
	}
	if !changed {
		st.settle(false)
	}
}

// wakeLoop makes the analysis loop look at pending changes now.
func (st *session) wakeLoop() {
	st.mu.Lock()
	st.urgent = true
	select {
	case st.wake <- struct{}{}:
	default:
	}
	st.mu.Unlock()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// publishFolder publishes every file of a folder whose findings changed,
// and clears files that no longer have any.
func (st *session) publishFolder(sn *snapshot, folder string, es *folderAnalysis) {
	seen := map[uri.URI]bool{}
	for _, path := range es.snap.Files() {
		if v := sn.docs[path]; v != nil {
			st.publishDoc(sn, path)
			seen[v.uri] = true
			continue
		}
		u := uri.File(path)
		seen[u] = true
		findings := es.snap.FindingsFor(path)
		if len(findings) == 0 && !st.hasPublished(u) {
			continue
		}
		var m *textpos.Mapper
		if len(findings) > 0 {
			src, err := es.snap.FS.ReadFile(path)
			if err != nil {
				continue
			}
			m = textpos.NewMapper(src)
		}
		st.publish(u, nil, findings, m, sn)
	}
	// Clear what was published for files under the folder that are gone.
	st.pubMu.Lock()
	var stale []uri.URI
	for u := range st.published {
		if p, ok := pathOf(u); ok && !seen[u] && sn.folderFor(p) == folder && st.published[u] != "" && sn.docs[p] == nil {
			stale = append(stale, u)
		}
	}
	st.pubMu.Unlock()
	for _, u := range stale {
		st.publish(u, nil, nil, nil, sn)
	}
}

// clearUnder clears diagnostics published for files under root.
func (st *session) clearUnder(root string) {
	st.pubMu.Lock()
	var stale []uri.URI
	for u, key := range st.published {
		if p, ok := pathOf(u); ok && key != "" && (p == root || strings.HasPrefix(p, root+string(filepath.Separator))) {
			stale = append(stale, u)
		}
	}
	st.pubMu.Unlock()
	for _, u := range stale {
		st.publish(u, nil, nil, nil, st.current.Load())
	}
}

func (st *session) hasPublished(u uri.URI) bool {
	st.pubMu.Lock()
	defer st.pubMu.Unlock()
	return st.published[u] != ""
}

// publish sends a file's diagnostics unless they equal what the client
// already has. An empty list clears them.
func (st *session) publish(u uri.URI, version *int32, findings []engine.Finding, m *textpos.Mapper, sn *snapshot) {
	diags := make([]lsp.Diagnostic, 0, len(findings))
	for _, f := range findings {
		diags = append(diags, st.s.toDiagnostic(f, m, sn))
	}
	data, err := lsp.Marshal(diags)
	if err != nil {
		st.s.log.errorf("encoding diagnostics: %v", err)
		return
	}
	key := string(data)
	if len(diags) == 0 {
		key = ""
	}
	st.pubMu.Lock()
	if prev, ok := st.published[u]; ok && prev == key || !ok && key == "" {
		st.pubMu.Unlock()
		return
	}
	st.published[u] = key
	st.pubMu.Unlock()
	params := &lsp.PublishDiagnosticsParams{URI: u, Diagnostics: diags}
	if version != nil {
		params.Version = lsp.NewOptional(*version)
	}
	st.s.notify("textDocument/publishDiagnostics", params)
}

var severities = map[analysis.Severity]lsp.DiagnosticSeverity{
	analysis.SeverityError:   lsp.DiagnosticSeverityError,
	analysis.SeverityWarning: lsp.DiagnosticSeverityWarning,
	analysis.SeverityInfo:    lsp.DiagnosticSeverityInformation,
	analysis.SeverityHint:    lsp.DiagnosticSeverityHint,
}

// toDiagnostic converts a finding, its related locations included.
func (s *Server) toDiagnostic(f engine.Finding, m *textpos.Mapper, sn *snapshot) lsp.Diagnostic {
	d := lsp.Diagnostic{
		Range:    s.toRange(m, f.Start, f.End),
		Severity: severities[f.Severity],
		Code:     lsp.String(f.Rule),
		Source:   lsp.NewOptional("rscls"),
		Message:  lsp.String(f.Message),
	}
	if f.URL != "" {
		d.CodeDescription = lsp.CodeDescription{Href: uri.URI(f.URL)}
	}
	var tags []lsp.DiagnosticTag
	if f.Tags&analysis.TagUnnecessary != 0 {
		tags = append(tags, lsp.DiagnosticTagUnnecessary)
	}
	if f.Tags&analysis.TagDeprecated != 0 {
		tags = append(tags, lsp.DiagnosticTagDeprecated)
	}
	if tags != nil {
		d.Tags = lsp.NewDiagnosticTags(tags...)
	}
	for _, r := range f.Related {
		rm := s.mapperFor(sn, r.Path)
		d.RelatedInformation = append(d.RelatedInformation, lsp.DiagnosticRelatedInformation{
			Location: lsp.Location{URI: s.uriFor(sn, r.Path), Range: s.toRange(rm, r.Start, r.End)},
			Message:  r.Message,
		})
	}
	return d
}

func (s *Server) toRange(m *textpos.Mapper, start, end int) lsp.Range {
	if m == nil {
		return lsp.Range{}
	}
	sl, sc := m.Position(start, s.enc)
	el, ec := m.Position(end, s.enc)
	return lsp.Range{
		Start: lsp.Position{Line: uint32(sl), Character: uint32(sc)},
		End:   lsp.Position{Line: uint32(el), Character: uint32(ec)},
	}
}

// uriFor returns the URI the client uses for path: the one it opened the
// document with, or the canonical file URI.
func (s *Server) uriFor(sn *snapshot, path string) uri.URI {
	if v, ok := sn.docs[path]; ok {
		return v.uri
	}
	return uri.File(path)
}

// mapperFor maps positions in any file of the snapshot.
func (s *Server) mapperFor(sn *snapshot, path string) *textpos.Mapper {
	if v, ok := sn.docs[path]; ok {
		return textpos.NewMapper(v.text)
	}
	src, err := s.opts.FS.ReadFile(path)
	if err != nil {
		return textpos.NewMapper(nil)
	}
	return textpos.NewMapper(src)
}

// showMessage shows a message in the editor.
func (s *Server) showMessage(t lsp.MessageType, msg string) {
	s.notify("window/showMessage", &lsp.ShowMessageParams{Type: t, Message: msg})
}
