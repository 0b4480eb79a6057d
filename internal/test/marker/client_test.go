package marker

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/internal/osfs"
	"github.com/rscls/rscls/protocol"
)

// client is a scripted LSP client connected to the real server, over OS
// pipes as an editor's stdio would be.
type client struct {
	t    *testing.T
	conn jsonrpc2.Conn
	root string

	mu      sync.Mutex
	cond    *sync.Cond
	diags   map[uri.URI]*lsp.PublishDiagnosticsParams
	readies int
}

// codec marshals with go.lsp.dev/protocol's union-aware JSON, as the
// server does.
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	if m, ok := v.(jsonrpc2.RawMessage); ok {
		return m, nil
	}
	return lsp.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error { return lsp.Unmarshal(data, v) }

type pipeEnd struct{ r, w *os.File }

func (p pipeEnd) Read(b []byte) (int, error)  { return p.r.Read(b) }
func (p pipeEnd) Write(b []byte) (int, error) { return p.w.Write(b) }
func (p pipeEnd) Close() error {
	p.w.Close()
	return p.r.Close()
}

// newClient writes files under a temporary root, starts a server,
// initializes it with settings (JSON) and waits for the first analysis.
func newClient(t *testing.T, files map[string]string, settings string, utf8, noCreate bool) *client {
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
	toServerR, toServerW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	toClientR, toClientW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	serverSide, clientSide := pipeEnd{toServerR, toClientW}, pipeEnd{toClientR, toServerW}
	log := io.Discard
	if os.Getenv("RSCLS_TEST_LOG") != "" {
		log = os.Stderr
	}
	go func() {
		protocol.Serve(context.Background(), serverSide, protocol.Options{FS: osfs.FS{}, Analyzers: suite.Analyzers, Log: log, Version: "test"})
		serverSide.Close()
	}()
	c := &client{t: t, root: root, diags: map[uri.URI]*lsp.PublishDiagnosticsParams{}}
	c.cond = sync.NewCond(&c.mu)
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide), jsonrpc2.WithCodec(codec{}))
	c.conn.Go(context.Background(), c.handle)
	t.Cleanup(func() {
		c.conn.Close()
		clientSide.Close()
	})
	if settings == "" {
		settings = `{"diagnosticsDelay": 5}`
	}
	caps := lsp.ClientCapabilities{
		TextDocument: &lsp.TextDocumentClientCapabilities{Hover: &lsp.HoverClientCapabilities{ContentFormat: []lsp.MarkupKind{lsp.MarkupKindMarkdown}}},
	}
	if utf8 {
		caps.General = &lsp.GeneralClientCapabilities{PositionEncodings: []lsp.PositionEncodingKind{lsp.PositionEncodingKindUTF8, lsp.PositionEncodingKindUTF16}}
	}
	if !noCreate { // as VS Code and Neovim say
		caps.Workspace = &lsp.WorkspaceClientCapabilities{WorkspaceEdit: &lsp.WorkspaceEditClientCapabilities{
			DocumentChanges:    ptr(true),
			ResourceOperations: []lsp.ResourceOperationKind{lsp.ResourceOperationKindCreate, lsp.ResourceOperationKindRename, lsp.ResourceOperationKindDelete},
		}}
	}
	capsJSON, err := lsp.Marshal(caps)
	if err != nil {
		t.Fatal(err)
	}
	rootURI := uri.File(root)
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
	var init lsp.InitializeResult
	c.call("initialize", jsonrpc2.RawMessage(params), &init)
	ready := c.readyCount()
	c.notify("initialized", &lsp.InitializedParams{})
	c.waitReady(ready)
	return c
}

func (c *client) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.cond.Broadcast()
	switch req.Method() {
	case "textDocument/publishDiagnostics":
		var p lsp.PublishDiagnosticsParams
		if err := lsp.Unmarshal(req.Params(), &p); err != nil {
			c.t.Errorf("bad publishDiagnostics: %v", err)
			return nil, nil
		}
		c.diags[p.URI] = &p
	case "rscls/status":
		var p struct{ State string }
		_ = json.Unmarshal(req.Params(), &p)
		if p.State == "ready" {
			c.readies++
		}
	}
	return nil, nil
}

// call sends a request and fails the test on an error.
func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) readyCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.readies
}

// waitReady waits until the server has finished an analysis after the
// moment readyCount returned before.
func (c *client) waitReady(before int) {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.readies <= before {
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for the analysis")
		}
		t := time.AfterFunc(100*time.Millisecond, c.cond.Broadcast)
		c.cond.Wait()
		t.Stop()
	}
}

func (c *client) uri(name string) uri.URI {
	return uri.File(filepath.Join(c.root, filepath.FromSlash(name)))
}

// open opens files with their disk content and waits for the analysis.
func (c *client) open(files map[string]string, names ...string) {
	c.t.Helper()
	ready := c.readyCount()
	for _, name := range names {
		c.notify("textDocument/didOpen", &lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
			URI: c.uri(name), LanguageID: "typescriptreact", Version: 1, Text: files[name],
		}})
	}
	c.waitReady(ready)
}

// diagnostics returns the latest diagnostics published for a file.
func (c *client) diagnostics(name string) *lsp.PublishDiagnosticsParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.diags[c.uri(name)]
}

func ptr[T any](v T) *T { return &v }
