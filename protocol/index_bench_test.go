package protocol

import (
	"bytes"
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

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/internal/factcache"
	"github.com/rscls/rscls/internal/osfs"
	"github.com/rscls/rscls/internal/test/synth"
)

// indexTimes is what one server session measured, from initialize.
type indexTimes struct {
	first time.Duration // the opened file's first diagnostics
	ready time.Duration // the workspace indexed, the file's graph findings published
}

// coldStart starts a server on root, opens path right after initialized
// with a misspelt directive added at its top (a finding of its own), and
// measures the time from initialize to that file's first diagnostics and
// to the end of the index. cache, if set, is the fact cache's directory.
func coldStart(b *testing.B, root, path, cache string) indexTimes {
	serverSide, clientSide := osPipes(b)
	opts := Options{FS: osfs.FS{}, Analyzers: suite.Analyzers, Log: io.Discard}
	if cache != "" {
		opts.Cache = func(folder string) FolderCache { return factcache.Open(cache, folder, [32]byte{1}) }
	}
	done := make(chan struct{})
	go func() { Serve(context.Background(), serverSide, opts); close(done) }()
	text, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	u := uri.File(path)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var t indexTimes
	var start time.Time
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide), jsonrpc2.WithCodec(codec{}))
	conn.Go(context.Background(), func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		defer cond.Broadcast()
		switch req.Method() {
		case "textDocument/publishDiagnostics":
			var p struct {
				URI uri.URI `json:"uri"`
			}
			_ = json.Unmarshal(req.Params(), &p)
			if p.URI == u && t.first == 0 {
				t.first = time.Since(start)
			}
		case "rscls/status":
			if bytes.Contains(req.Params(), []byte(`"ready"`)) && t.ready == 0 {
				t.ready = time.Since(start)
			}
		}
		return nil, nil
	})
	rootURI := uri.File(root)
	params, _ := json.Marshal(map[string]any{
		"processId": nil, "rootUri": rootURI, "capabilities": map[string]any{},
		"workspaceFolders": []map[string]string{{"uri": string(rootURI), "name": "bench"}},
	})
	mu.Lock()
	start = time.Now()
	mu.Unlock()
	if _, err := conn.Call(context.Background(), "initialize", jsonrpc2.RawMessage(params), nil); err != nil {
		b.Fatal(err)
	}
	conn.Notify(context.Background(), "initialized", &lsp.InitializedParams{})
	conn.Notify(context.Background(), "textDocument/didOpen", &lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
		URI: u, LanguageID: "typescriptreact", Version: 1, Text: "'use clinet'\n" + string(text)}})
	mu.Lock()
	for t.first == 0 || t.ready == 0 {
		waitWithTimeout(cond, 20*time.Millisecond)
	}
	mu.Unlock()
	conn.Call(context.Background(), "shutdown", nil, nil)
	conn.Notify(context.Background(), "exit", nil)
	<-done
	conn.Close()
	clientSide.Close()
	return t
}

// BenchmarkFirstDiagnostics measures, on a 5,000-file synthetic
// workspace, the time from initialize to the first diagnostics of a file
// opened at once (its own checks, published while the workspace
// indexes) and to the end of the index (its graph findings), cold and
// with the fact cache a previous run filled.
func BenchmarkFirstDiagnostics(b *testing.B) {
	ws := synth.Generate(synth.Options{Files: 5000, Seed: 1})
	root := b.TempDir()
	if err := ws.WriteTo(root); err != nil {
		b.Fatal(err)
	}
	path := ws.Rebase(ws.Large, root)
	for _, mode := range []string{"cold", "cache"} {
		b.Run(mode, func(b *testing.B) {
			cache := ""
			if mode == "cache" {
				cache = filepath.Join(b.TempDir(), "cache")
				coldStart(b, root, path, cache) // fills it
			}
			var first, ready time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := coldStart(b, root, path, cache)
				first += t.first
				ready += t.ready
			}
			b.ReportMetric(float64(first.Microseconds())/1000/float64(b.N), "first-diag-ms")
			b.ReportMetric(float64(ready.Microseconds())/1000/float64(b.N), "indexed-ms")
		})
	}
}

// BenchmarkIndexVsCheck compares, side by side on one 5,000-file
// synthetic workspace, the server's cold index (initialize to ready,
// with a document open) with the engine's cold load as rscls check runs
// it. The ratio is the figure to watch.
func BenchmarkIndexVsCheck(b *testing.B) {
	ws := synth.Generate(synth.Options{Files: 5000, Seed: 1})
	root := b.TempDir()
	if err := ws.WriteTo(root); err != nil {
		b.Fatal(err)
	}
	path := ws.Rebase(ws.Large, root)
	var server, check time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := engine.Load(context.Background(), osfs.FS{}, root, engine.Options{Analyzers: suite.Analyzers, DriverSettings: SettingsSection}); err != nil {
			b.Fatal(err)
		}
		check += time.Since(start)
		server += coldStart(b, root, path, "").ready
	}
	b.ReportMetric(float64(check.Microseconds())/1000/float64(b.N), "check-ms")
	b.ReportMetric(float64(server.Microseconds())/1000/float64(b.N), "server-ms")
	b.ReportMetric(float64(server)/float64(check), "server/check")
}
