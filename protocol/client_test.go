package protocol

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/osfs"
)

// testClient is a scripted LSP client connected to a real server over an
// in-memory pipe.
type testClient struct {
	t    *testing.T
	conn jsonrpc2.Conn
	root string
	exit chan int

	mu        sync.Mutex
	cond      *sync.Cond
	diags     map[uri.URI]*lsp.PublishDiagnosticsParams
	published []*lsp.PublishDiagnosticsParams // every publication, in order
	readies   int
	statuses  []string
	logs      []string
	messages  []string
	versions  map[uri.URI]int32
	init      lsp.InitializeResult
	calls     atomic.Int64 // requests sent: the connection numbers them 1, 2, ...
	methods   []string     // every method the server sent, in order
	progress  []string     // the messages of $/progress reports, in order
}

type clientOptions struct {
	settings     string // initializationOptions JSON
	utf8         bool
	noProgress   bool
	extraInitCap func(*lsp.ClientCapabilities)
	cache        func(folder string) FolderCache
	fs           vfs.FS // the server's file system; default osfs.FS{}
	noWait       bool   // return after initialized, without waiting for the first analysis
}

// newTestClient writes files under a temporary root, starts a server and
// initializes it, and waits for the first analysis.
func newTestClient(t *testing.T, files map[string]string, opts clientOptions) *testClient {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	serverSide, clientSide := osPipes(t)
	c := &testClient{t: t, root: root, exit: make(chan int, 1), diags: map[uri.URI]*lsp.PublishDiagnosticsParams{}, versions: map[uri.URI]int32{}}
	c.cond = sync.NewCond(&c.mu)
	go func() {
		fsys := opts.fs
		if fsys == nil {
			fsys = osfs.FS{}
		}
		c.exit <- Serve(context.Background(), serverSide, Options{FS: fsys, Analyzers: suite.Analyzers, Log: logSink(), Version: "test", Cache: opts.cache, testHooks: true})
		serverSide.Close()
	}()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide), jsonrpc2.WithCodec(codec{}))
	c.conn.Go(context.Background(), c.handle)
	t.Cleanup(func() {
		c.conn.Close()
		clientSide.Close()
	})
	settings := opts.settings
	if settings == "" {
		settings = `{"diagnosticsDelay": 5}`
	}
	caps := lsp.ClientCapabilities{
		Window:       &lsp.WindowClientCapabilities{WorkDoneProgress: ptr(!opts.noProgress)},
		Workspace:    &lsp.WorkspaceClientCapabilities{DidChangeWatchedFiles: &lsp.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: ptr(true)}, CodeLens: &lsp.CodeLensWorkspaceClientCapabilities{RefreshSupport: ptr(true)}},
		TextDocument: &lsp.TextDocumentClientCapabilities{Hover: &lsp.HoverClientCapabilities{ContentFormat: []lsp.MarkupKind{lsp.MarkupKindMarkdown}}},
	}
	if opts.utf8 {
		caps.General = &lsp.GeneralClientCapabilities{PositionEncodings: []lsp.PositionEncodingKind{lsp.PositionEncodingKindUTF8, lsp.PositionEncodingKindUTF16}}
	}
	if opts.extraInitCap != nil {
		opts.extraInitCap(&caps)
	}
	rootURI := uri.File(root)
	capsJSON, err := lsp.Marshal(caps)
	if err != nil {
		t.Fatal(err)
	}
	params, err := json.Marshal(map[string]any{
		"processId":             nil,
		"rootUri":               rootURI,
		"capabilities":          json.RawMessage(capsJSON),
		"initializationOptions": json.RawMessage(settings),
		"workspaceFolders":      []map[string]string{{"uri": string(rootURI), "name": "test"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	c.mustCall("initialize", jsonrpc2.RawMessage(params), &c.init)
	ready := c.readyCount()
	c.notify("initialized", &lsp.InitializedParams{})
	if !opts.noWait {
		c.waitReady(ready)
	}
	return c
}

// pipeEnd joins the read end of one OS pipe and the write end of another:
// a stream buffered by the kernel, as an editor's stdio pipes are.
type pipeEnd struct {
	r *os.File
	w *os.File
}

func (p pipeEnd) Read(b []byte) (int, error)  { return p.r.Read(b) }
func (p pipeEnd) Write(b []byte) (int, error) { return p.w.Write(b) }
func (p pipeEnd) Close() error {
	p.w.Close()
	return p.r.Close()
}

func osPipes(t testing.TB) (server, client pipeEnd) {
	toServerR, toServerW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	toClientR, toClientW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	return pipeEnd{toServerR, toClientW}, pipeEnd{toClientR, toServerW}
}

// handle receives the server's notifications and requests.
func (c *testClient) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.cond.Broadcast()
	c.methods = append(c.methods, strings.Clone(req.Method())) // the request is recycled after the handler returns
	switch req.Method() {
	case "textDocument/publishDiagnostics":
		var p lsp.PublishDiagnosticsParams
		if err := lsp.Unmarshal(req.Params(), &p); err != nil {
			c.t.Errorf("bad publishDiagnostics: %v", err)
			return nil, nil
		}
		c.diags[p.URI] = &p
		c.published = append(c.published, &p)
	case "rscls/status":
		var p struct{ State, Message string }
		_ = json.Unmarshal(req.Params(), &p)
		status := p.State
		if p.Message != "" {
			status += ": " + p.Message
		}
		c.statuses = append(c.statuses, status)
		if p.State == "ready" {
			c.readies++
		}
	case "$/progress":
		var p struct {
			Value struct{ Kind, Message string }
		}
		_ = json.Unmarshal(req.Params(), &p)
		if p.Value.Kind == "report" {
			c.progress = append(c.progress, p.Value.Message)
		}
	case "window/logMessage":
		var p lsp.LogMessageParams
		_ = lsp.Unmarshal(req.Params(), &p)
		c.logs = append(c.logs, p.Message)
	case "window/showMessage":
		var p lsp.ShowMessageParams
		_ = lsp.Unmarshal(req.Params(), &p)
		c.messages = append(c.messages, p.Message)
	}
	if req.IsCall() {
		return nil, nil // registerCapability, workDoneProgress/create, codeLens/refresh
	}
	return nil, nil
}

func (c *testClient) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c.calls.Add(1)
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *testClient) mustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *testClient) readyCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.readies
}

// waitReady waits until the server has finished an analysis after the
// moment readyCount returned before.
func (c *testClient) waitReady(before int) {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.readies <= before {
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for the analysis; statuses %v", c.statuses)
		}
		waitWithTimeout(c.cond, 100*time.Millisecond)
	}
}

// waitFor waits until cond (called with the lock held) is true.
func (c *testClient) waitFor(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for !cond() {
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for %s", what)
		}
		waitWithTimeout(c.cond, 100*time.Millisecond)
	}
}

func waitWithTimeout(cond *sync.Cond, d time.Duration) {
	t := time.AfterFunc(d, cond.Broadcast)
	cond.Wait()
	t.Stop()
}

func (c *testClient) uri(name string) uri.URI {
	return uri.File(filepath.Join(c.root, filepath.FromSlash(name)))
}

func (c *testClient) read(name string) string {
	data, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(name)))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(data)
}

// open opens a file with its disk content and waits for the analysis.
func (c *testClient) open(names ...string) {
	c.t.Helper()
	ready := c.readyCount()
	for _, name := range names {
		u := c.uri(name)
		c.mu.Lock()
		c.versions[u] = 1
		c.mu.Unlock()
		c.notify("textDocument/didOpen", &lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
			URI: u, LanguageID: "typescriptreact", Version: 1, Text: c.read(name),
		}})
	}
	c.waitReady(ready)
}

// change replaces a document's text and waits for the analysis.
func (c *testClient) change(name, text string) int32 {
	c.t.Helper()
	ready := c.readyCount()
	u := c.uri(name)
	c.mu.Lock()
	c.versions[u]++
	v := c.versions[u]
	c.mu.Unlock()
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: u}, Version: v},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangeWholeDocument{Text: text}},
	})
	c.waitReady(ready)
	return v
}

// diagnostics returns the latest diagnostics published for a file.
func (c *testClient) diagnostics(name string) *lsp.PublishDiagnosticsParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.diags[c.uri(name)]
}

// rules summarises a file's latest diagnostics as "line:rule" entries.
func (c *testClient) rules(name string) string {
	p := c.diagnostics(name)
	if p == nil {
		return ""
	}
	var out []string
	for _, d := range p.Diagnostics {
		code, _ := d.Code.(lsp.String)
		out = append(out, strings.Join([]string{itoa(int(d.Range.Start.Line) + 1), string(code)}, ":"))
	}
	return strings.Join(out, " ")
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func contextWithTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 20*time.Second)
}

func waitBriefly() { time.Sleep(100 * time.Millisecond) }

// errorCode returns the JSON-RPC error code of err, or 0.
func errorCode(err error) int64 {
	var e *jsonrpc2.Error
	if errorsAs(err, &e) {
		return int64(e.Code)
	}
	return 0
}

func errorsAs(err error, target any) bool { return err != nil && errors.As(err, target) }

// logSink is where test servers log: set RSCLS_TEST_LOG=1 to see it.
func logSink() io.Writer {
	if os.Getenv("RSCLS_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}
