package protocol

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/textpos"
	"github.com/rscls/rscls/internal/osfs"
	"github.com/rscls/rscls/internal/test/synth"
)

// benchServer is a server on a synthetic workspace, driven over pipes.
type benchServer struct {
	conn  jsonrpc2.Conn
	root  string
	ws    *synth.Workspace
	mu    sync.Mutex
	cond  *sync.Cond
	pubs  map[uri.URI]int // publications per document
	ready int
}

func startBench(b *testing.B, files int, delayMS int) *benchServer {
	b.Helper()
	ws := synth.Generate(synth.Options{Files: files, Seed: 1})
	root := b.TempDir()
	if err := ws.WriteTo(root); err != nil {
		b.Fatal(err)
	}
	serverSide, clientSide := osPipes(b)
	go Serve(context.Background(), serverSide, Options{FS: osfs.FS{}, Analyzers: suite.Analyzers, Log: io.Discard})
	s := &benchServer{root: root, ws: ws, pubs: map[uri.URI]int{}}
	s.cond = sync.NewCond(&s.mu)
	s.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide), jsonrpc2.WithCodec(codec{}))
	s.conn.Go(context.Background(), func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		defer s.cond.Broadcast()
		switch req.Method() {
		case "textDocument/publishDiagnostics":
			var p struct {
				URI uri.URI `json:"uri"`
			}
			_ = json.Unmarshal(req.Params(), &p)
			s.pubs[p.URI]++
		case "rscls/status":
			if bytes.Contains(req.Params(), []byte(`"ready"`)) {
				s.ready++
			}
		}
		return nil, nil
	})
	b.Cleanup(func() { s.conn.Close(); clientSide.Close() })
	rootURI := uri.File(root)
	params, _ := json.Marshal(map[string]any{
		"processId": nil, "rootUri": rootURI, "capabilities": map[string]any{},
		"initializationOptions": map[string]any{"diagnosticsDelay": delayMS},
	})
	if _, err := s.conn.Call(context.Background(), "initialize", jsonrpc2.RawMessage(params), nil); err != nil {
		b.Fatal(err)
	}
	s.conn.Notify(context.Background(), "initialized", &lsp.InitializedParams{})
	s.waitReady(0)
	return s
}

func (s *benchServer) waitReady(before int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.ready <= before {
		waitWithTimeout(s.cond, 50*time.Millisecond)
	}
}

func (s *benchServer) path(p string) string { return s.ws.Rebase(p, s.root) }

func (s *benchServer) open(path string) (uri.URI, string) {
	text, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	u := uri.File(path)
	before := s.readyCount()
	s.conn.Notify(context.Background(), "textDocument/didOpen", &lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{URI: u, LanguageID: "typescriptreact", Version: 1, Text: string(text)}})
	s.waitReady(before)
	return u, string(text)
}

func (s *benchServer) readyCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ready
}

func (s *benchServer) published(u uri.URI) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pubs[u]
}

func (s *benchServer) change(u uri.URI, version int32, c lsp.TextDocumentContentChangeEvent) {
	s.conn.Notify(context.Background(), "textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{c},
	})
}

// reportLatencies adds p50 and p99 of the samples to the benchmark.
func reportLatencies(b *testing.B, samples []time.Duration) {
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	pct := func(p float64) float64 {
		return float64(samples[int(p*float64(len(samples)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkEditPublish measures, for a 50 KB Client Component in a
// 2,500-file workspace, the time from an incremental didChange that
// introduces or removes a misspelt directive to the publication of the
// file's new diagnostics (the first phase: incremental reparse, facts,
// the file's own checks, its graph findings moved along).
func BenchmarkEditPublish(b *testing.B) {
	s := startBench(b, 2500, 60000) // no graph phase during the loop
	u, text := s.open(s.path(s.ws.Large))
	// Insert a misspelt directive as the first statement of the last
	// function body, and take it out again, so every edit changes the
	// published diagnostics.
	at := strings.LastIndex(text, "{\n")
	if at < 0 {
		b.Fatal("no function body in the large file")
	}
	mp := textpos.NewMapper([]byte(text))
	line, char := mp.Position(at+2, textpos.UTF16)
	insert := "  'use clinet'\n"
	pos := lsp.Position{Line: uint32(line), Character: uint32(char)}
	var samples []time.Duration
	version := int32(1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		before := s.published(u)
		version++
		start := time.Now()
		if i%2 == 0 {
			s.change(u, version, &lsp.TextDocumentContentChangePartial{Range: lsp.Range{Start: pos, End: pos}, Text: insert})
		} else {
			end := lsp.Position{Line: pos.Line + 1, Character: 0}
			s.change(u, version, &lsp.TextDocumentContentChangePartial{Range: lsp.Range{Start: pos, End: end}, Text: ""})
		}
		s.mu.Lock()
		for s.pubs[u] == before {
			waitWithTimeout(s.cond, 20*time.Millisecond)
		}
		s.mu.Unlock()
		samples = append(samples, time.Since(start))
	}
	b.StopTimer()
	reportLatencies(b, samples)
}

// BenchmarkDirectiveFlip measures, in a 2,500-file workspace, the time
// from adding or removing 'use client' at the top of a module that more
// than 500 others import to the end of the graph phase that re-checks and
// republishes every file that depends on it.
func BenchmarkDirectiveFlip(b *testing.B) {
	s := startBench(b, 2500, 0)
	hub := s.path(s.ws.Hub)
	u, _ := s.open(hub)
	if n := len(s.ws.HubImporters); n < 500 {
		b.Fatalf("hub has %d importers", n)
	}
	var samples []time.Duration
	version := int32(1)
	top := lsp.Position{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		before := s.readyCount()
		version++
		start := time.Now()
		if i%2 == 0 {
			s.change(u, version, &lsp.TextDocumentContentChangePartial{Range: lsp.Range{Start: top, End: top}, Text: "'use client'\n"})
		} else {
			s.change(u, version, &lsp.TextDocumentContentChangePartial{Range: lsp.Range{Start: top, End: lsp.Position{Line: 1}}, Text: ""})
		}
		s.waitReady(before)
		samples = append(samples, time.Since(start))
	}
	b.StopTimer()
	reportLatencies(b, samples)
}
