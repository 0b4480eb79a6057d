package protocol

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"

	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/textpos"
)

// clientCaps are the client capabilities the server acts on.
type clientCaps struct {
	workDoneProgress   bool
	watchedFilesDynReg bool
	codeLensRefresh    bool
	relatedInformation bool
	markdownHover      bool
	// createFiles: workspace edits may create files (the create
	// operation in documentChanges), as fixes that add a file need.
	createFiles bool
}

// command names the server executes.
const cmdShowChain = "rscls.showChain"

func ptr[T any](v T) *T { return &v }

// Initialize negotiates capabilities and records the workspace folders.
// Analysis starts once the client says initialized.
func (s *Server) Initialize(ctx context.Context, params *lsp.InitializeParams) (*lsp.InitializeResult, error) {
	c := params.Capabilities
	s.enc = textpos.UTF16
	if c.General != nil && slices.Contains(c.General.PositionEncodings, lsp.PositionEncodingKindUTF8) {
		s.enc = textpos.UTF8 // the engine counts bytes: no conversion needed
	}
	if c.Window != nil && c.Window.WorkDoneProgress != nil {
		s.caps.workDoneProgress = *c.Window.WorkDoneProgress
	}
	if w := c.Workspace; w != nil {
		if w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration != nil {
			s.caps.watchedFilesDynReg = *w.DidChangeWatchedFiles.DynamicRegistration
		}
		if w.CodeLens != nil && w.CodeLens.RefreshSupport != nil {
			s.caps.codeLensRefresh = *w.CodeLens.RefreshSupport
		}
		// Resource operations exist only in documentChanges, so a client
		// that lists them takes documentChanges (Neovim 0.7 says no more).
		if e := w.WorkspaceEdit; e != nil {
			s.caps.createFiles = slices.Contains(e.ResourceOperations, lsp.ResourceOperationKindCreate)
		}
	}
	if td := c.TextDocument; td != nil {
		if td.PublishDiagnostics != nil && td.PublishDiagnostics.RelatedInformation != nil {
			s.caps.relatedInformation = *td.PublishDiagnostics.RelatedInformation
		}
		if td.Hover != nil && slices.Contains(td.Hover.ContentFormat, lsp.MarkupKindMarkdown) {
			s.caps.markdownHover = true
		}
	}
	settings, problems := decodeSettings(params.InitializationOptions, s.opts.Analyzers)
	s.session.settings = settings
	s.applyLogLevel(settings)
	for _, p := range problems {
		s.log.warnf("initializationOptions: %s", p)
	}

	var roots []string
	if folders, ok := params.WorkspaceFolders.Get(); ok {
		for _, f := range folders {
			if p, ok := pathOf(f.URI); ok {
				roots = append(roots, p)
			}
		}
	}
	if len(roots) == 0 && params.RootURI != nil {
		if p, ok := pathOf(*params.RootURI); ok {
			roots = append(roots, p)
		}
	}
	if len(roots) == 0 {
		if rp, ok := params.RootPath.Get(); ok && rp != "" {
			roots = append(roots, filepath.Clean(rp))
		}
	}
	s.session.mu.Lock()
	for _, r := range roots {
		s.session.addFolderLocked(r)
	}
	s.session.storeSnapshotLocked()
	s.session.mu.Unlock()

	encoding := lsp.PositionEncodingKindUTF16
	if s.enc == textpos.UTF8 {
		encoding = lsp.PositionEncodingKindUTF8
	}
	s.initialized.Store(true)
	return &lsp.InitializeResult{
		Capabilities: lsp.ServerCapabilities{
			PositionEncoding: encoding,
			TextDocumentSync: &lsp.TextDocumentSyncOptions{
				OpenClose: ptr(true),
				Change:    ptr(lsp.TextDocumentSyncKindIncremental),
				Save:      &lsp.SaveOptions{IncludeText: ptr(false)},
			},
			HoverProvider: lsp.Boolean(true),
			CodeActionProvider: &lsp.CodeActionOptions{CodeActionKinds: []lsp.CodeActionKind{
				lsp.CodeActionKindQuickFix, lsp.CodeActionKindSource,
			}},
			CodeLensProvider:       &lsp.CodeLensOptions{ResolveProvider: ptr(false)},
			ExecuteCommandProvider: lsp.ExecuteCommandOptions{Commands: []string{cmdShowChain}},
			Workspace: &lsp.WorkspaceOptions{WorkspaceFolders: &lsp.WorkspaceFoldersServerCapabilities{
				Supported:           ptr(true),
				ChangeNotifications: lsp.Boolean(true),
			}},
		},
		ServerInfo: lsp.ServerInfo{Name: "rscls", Version: lsp.NewOptional(s.opts.Version)},
	}, nil
}

// Initialized starts the analysis of the workspace and the file watching.
func (s *Server) Initialized(ctx context.Context, params *lsp.InitializedParams) error {
	if s.notified.Swap(true) {
		// A second diagnostics loop would race the first.
		s.log.warnf("ignored a repeated initialized notification")
		return nil
	}
	go s.session.run()
	if s.caps.watchedFilesDynReg {
		go s.registerWatchers()
	}
	s.session.didModify(fromInitialized, "", func() { s.session.urgent = true })
	return nil
}

// registerWatchers asks the client to report changes to the files the
// analysis depends on; it runs off the read loop because it waits for the
// client's answer.
func (s *Server) registerWatchers() {
	var watchers []lsp.FileSystemWatcher
	for _, g := range []string{
		"**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}", "**/package.json", "**/{tsconfig,jsconfig}*.json",
		"**/rscls.json", "**/pnpm-workspace.yaml", "**/next.config.*",
	} {
		watchers = append(watchers, lsp.FileSystemWatcher{GlobPattern: lsp.Pattern(g)})
	}
	opts, err := lsp.Marshal(&lsp.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers})
	if err != nil {
		s.log.errorf("watchers: %v", err)
		return
	}
	err = s.client.RegisterCapability(context.Background(), &lsp.RegistrationParams{Registrations: []lsp.Registration{{
		ID: "rscls-watch", Method: "workspace/didChangeWatchedFiles", RegisterOptions: opts,
	}}})
	if err != nil {
		s.log.warnf("registering file watchers: %v", err)
	}
}

// Shutdown stops accepting requests; the process exits on exit.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutdownDone.Store(true)
	// A cache being written is finished first, or the next start would
	// find none.
	s.cacheWrite.Lock()
	s.cacheWrite.Unlock()
	return nil
}

// Exit ends the process with the code the specification asks for.
func (s *Server) Exit(ctx context.Context) error {
	code := 1
	if s.shutdownDone.Load() {
		code = 0
	}
	select {
	case s.exit <- code:
	default:
	}
	return nil
}

// SetTrace is accepted; the server's own logging follows logLevel.
func (s *Server) SetTrace(ctx context.Context, params *lsp.SetTraceParams) error { return nil }

// Progress and WorkDoneProgressCancel from the client need no action.
func (s *Server) Progress(ctx context.Context, params *lsp.ProgressParams) error { return nil }
func (s *Server) WorkDoneProgressCancel(ctx context.Context, params *lsp.WorkDoneProgressCancelParams) error {
	return nil
}

// pathOf returns the file system path of a file: URI.
func pathOf(u uri.URI) (string, bool) {
	if !u.IsFile() {
		return "", false
	}
	p := u.FsPath()
	if p == "" || !filepath.IsAbs(p) {
		return "", false
	}
	return filepath.Clean(p), true
}

// DidOpen starts tracking a buffer; it overrides the disk from now on.
func (s *Server) DidOpen(ctx context.Context, params *lsp.DidOpenTextDocumentParams) error {
	path, ok := pathOf(params.TextDocument.URI)
	if !ok {
		return nil // untitled and other non-file documents are not analyzed
	}
	lang, ok := syntax.LangForPath(path)
	text := []byte(params.TextDocument.Text)
	st := s.session
	st.didModify(fromDidOpen, path, func() {
		if old := st.docs[path]; old != nil {
			old.mu.Lock()
			old.buf.Close()
			old.mu.Unlock()
		}
		d := &document{uri: params.TextDocument.URI, path: path, version: params.TextDocument.Version}
		d.buf = syntax.NewDocument(text, lang)
		d.newVersion()
		st.docs[path] = d
		if st.folderForLocked(path) == "" {
			// Opening a file outside the folders lets rscls look at its
			// directory, and from there for the project it belongs to.
			if c, ok := s.opts.FS.(folderConfined); ok {
				c.AddFolder(filepath.Dir(path))
			}
			st.addFolderLocked(projectRootOf(s.opts.FS, filepath.Dir(path)))
		}
		st.markChangedLocked(path)
		if ok {
			st.dirtyDocs[path] = true
		}
	})
	return nil
}

func (st *session) folderForLocked(path string) string {
	for _, f := range st.folders {
		if path == f || len(path) > len(f) && path[:len(f)] == f && path[len(f)] == filepath.Separator {
			return f
		}
	}
	return ""
}

// checkChangeRanges rejects didChange params with a range that is not a
// Range. go.lsp.dev decodes a change whose range fails to decode as a
// whole-document change, which would replace the buffer with a fragment.
func checkChangeRanges(params []byte) error {
	var p struct {
		ContentChanges []struct {
			Range json.RawMessage `json:"range"`
		} `json:"contentChanges"`
	}
	if json.Unmarshal(params, &p) != nil {
		return nil // not this check's business: the params do not decode at all
	}
	for i, c := range p.ContentChanges {
		var r lsp.Range
		if len(c.Range) > 0 && string(c.Range) != "null" {
			if err := lsp.Unmarshal(c.Range, &r); err != nil {
				return fmt.Errorf("contentChanges[%d].range: %w", i, err)
			}
		}
	}
	return nil
}

// DidChange applies edits in the order they arrive; requests that follow
// see the new text.
func (s *Server) DidChange(ctx context.Context, params *lsp.DidChangeTextDocumentParams) error {
	path, ok := pathOf(params.TextDocument.URI)
	if !ok {
		return nil
	}
	st := s.session
	st.mu.Lock()
	d := st.docs[path]
	st.mu.Unlock()
	if d == nil {
		s.log.warnf("didChange for %s, which is not open", path)
		return nil
	}
	st.didModify(fromDidChange, path, func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		if v := params.TextDocument.Version; v < d.version {
			// The edits still apply to the buffer the client has: dropping
			// them would leave the two texts different for good.
			s.log.warnf("didChange for %s goes back from version %d to %d", path, d.version, v)
		}
		for _, change := range params.ContentChanges {
			switch c := change.(type) {
			case *lsp.TextDocumentContentChangeWholeDocument:
				d.buf.SetText([]byte(c.Text))
				d.seq++
				d.edits = nil // ranges cannot be carried across a full replacement
			case *lsp.TextDocumentContentChangePartial:
				m := textpos.NewMapper(d.buf.Src())
				start := m.Offset(int(c.Range.Start.Line), int(c.Range.Start.Character), s.enc)
				end := m.Offset(int(c.Range.End.Line), int(c.Range.End.Character), s.enc)
				if end < start {
					start, end = end, start
				}
				d.buf.Edit(start, end, []byte(c.Text))
				d.seq++
				d.recordEdit(textEdit{seq: d.seq, start: start, end: end, len: len(c.Text)})
			}
		}
		d.version = params.TextDocument.Version
		d.newVersion()
		st.markChangedLocked(path)
		st.dirtyDocs[path] = true
	})
	return nil
}

// DidSave needs no content: the buffer already is the content. It asks
// for the graph check without waiting for the typing pause.
func (s *Server) DidSave(ctx context.Context, params *lsp.DidSaveTextDocumentParams) error {
	if path, ok := pathOf(params.TextDocument.URI); ok {
		s.session.didModify(fromDidSave, path, func() {
			s.session.markChangedLocked(path)
			s.session.urgent = true
		})
	}
	return nil
}

// DidClose hands the file back to the disk.
func (s *Server) DidClose(ctx context.Context, params *lsp.DidCloseTextDocumentParams) error {
	path, ok := pathOf(params.TextDocument.URI)
	if !ok {
		return nil
	}
	st := s.session
	st.mu.Lock()
	open := st.docs[path] != nil
	st.mu.Unlock()
	if !open {
		s.log.warnf("didClose for %s, which is not open", path)
		return nil
	}
	st.didModify(fromDidClose, path, func() {
		if d := st.docs[path]; d != nil {
			d.mu.Lock()
			d.buf.Close()
			d.mu.Unlock()
			delete(st.docs, path)
			delete(st.dirtyDocs, path)
			st.markChangedLocked(path)
		}
	})
	return nil
}

// DidChangeWatchedFiles records changes made outside the editor's buffers.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *lsp.DidChangeWatchedFilesParams) error {
	st := s.session
	st.didModify(fromWatchedFiles, "", func() {
		if c, ok := s.opts.FS.(folderConfined); ok {
			c.Forget() // a directory may have become a link
		}
		for _, ev := range params.Changes {
			if path, ok := pathOf(ev.URI); ok {
				if _, open := st.docs[path]; open && ev.Type == lsp.FileChangeTypeChanged {
					continue // the buffer wins over the disk
				}
				st.markChangedLocked(path)
			}
		}
	})
	return nil
}

// DidChangeWorkspaceFolders adds and removes folders.
func (s *Server) DidChangeWorkspaceFolders(ctx context.Context, params *lsp.DidChangeWorkspaceFoldersParams) error {
	st := s.session
	var removed []string
	st.didModify(fromWorkspaceFolders, "", func() {
		for _, f := range params.Event.Removed {
			if p, ok := pathOf(f.URI); ok {
				st.removeFolderLocked(p)
				removed = append(removed, p)
			}
		}
		for _, f := range params.Event.Added {
			if p, ok := pathOf(f.URI); ok {
				st.addFolderLocked(p)
			}
		}
	})
	for _, p := range removed {
		st.clearUnder(p)
	}
	return nil
}

// DidChangeConfiguration applies new settings to every folder.
func (s *Server) DidChangeConfiguration(ctx context.Context, params *lsp.DidChangeConfigurationParams) error {
	settings, problems := decodeSettings(params.Settings, s.opts.Analyzers)
	for _, p := range problems {
		s.log.warnf("configuration: %s", p)
	}
	s.applyLogLevel(settings)
	st := s.session
	st.didModify(fromConfig, "", func() {
		st.settings = settings
		for f := range st.engines {
			delete(st.engines, f) // analyze again under the new settings
		}
		for f := range st.indexing {
			st.stopIndexLocked(f)
		}
		for p := range st.docs {
			st.dirtyDocs[p] = true
		}
		st.urgent = true
	})
	return nil
}
