// Package protocol is the language server: JSON-RPC wiring over
// go.lsp.dev, editor documents, immutable snapshots, diagnostics
// publication, hovers, code actions and lenses. It is the only package
// that knows LSP; the engine it drives (package analysis) knows nothing of
// editors.
//
// Ordering: notifications (document edits above all) are applied inline,
// on the connection's read loop, so they take effect in the order they
// arrive and before any later request is read. Requests then release the
// read loop and run concurrently, each on the snapshot current when it
// arrived, and read nothing else: a snapshot holds immutable versions of
// the open documents (each with its content hash and its single-file
// analysis, computed once) and the folders' engine snapshots. Every
// change goes through one function, session.didModify, with its cause:
// the editor's notifications, which make the next snapshot and wake the
// diagnostics loop, and the loop's own results (fromAnalysis), which
// install a folder's new analysis the same way.
package protocol

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	lsp "go.lsp.dev/protocol"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textpos"
	"github.com/rscls/rscls/analysis/vfs"
)

// Options configure a server.
type Options struct {
	// FS is the file system under the editor's buffers (the disk).
	FS vfs.FS
	// Analyzers is the suite to run.
	Analyzers []*analysis.Analyzer
	// Log receives every line of the server's log (a file with --log).
	Log io.Writer
	// Console receives the log lines the editor cannot show: those
	// written before initialized and after exit (stderr). Lines in
	// between go to the editor as window/logMessage instead, so that the
	// editor, which also records stderr, does not show them twice.
	Console io.Writer
	// Version is reported in serverInfo.
	Version string
	// Cache opens the cache of per-file results of a workspace folder,
	// which makes the first analysis of a known workspace fast; nil
	// turns caching off. The server saves it after each full analysis.
	Cache func(folder string) FolderCache

	// testHooks enables requests that only tests send: a slow request to
	// cancel and one that panics.
	testHooks bool
}

// FolderCache keeps the per-file results of one workspace folder across
// runs of the server (internal/factcache's Store is one).
type FolderCache interface {
	engine.Cache
	// Save writes what the analysis used, for the next run.
	Save() error
	// Counts returns how many files were found in the cache and how many
	// were analyzed, for the log.
	Counts() (hits, misses int)
}

// codec marshals payloads with go.lsp.dev/protocol's union-aware JSON, as
// its unexported codec does; the default codec does not know the unions.
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return lsp.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return lsp.Unmarshal(data, v)
}

// Serve runs a language server on rwc until the client says exit or the
// stream closes, and returns the process exit code the LSP specification
// asks for: 0 after shutdown, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	st := newStream(rwc)
	conn := jsonrpc2.NewConn(st, jsonrpc2.WithCodec(codec{}))
	s := newServer(conn, opts)
	st.logf = s.log.warnf
	dispatch := lsp.ServerHandler(s, jsonrpc2.MethodNotFoundHandler)
	conn.Go(ctx, s.handle(dispatch))
	var code int
	select {
	case code = <-s.exit:
		s.stop()
	case <-conn.Done():
		code = 1
		if s.shutdownDone.Load() {
			code = 0
		}
		s.stop() // first: the log can no longer go to the editor
		if err := conn.Err(); err != nil {
			s.log.errorf("connection closed: %v", err)
		} else if code != 0 {
			s.log.warnf("the client closed the connection without shutdown")
		}
	case <-ctx.Done():
		code = 1
		s.stop()
	}
	return code
}

// Server implements the LSP server methods it supports; the rest answer
// "not implemented" through the embedded UnimplementedServer.
type Server struct {
	lsp.UnimplementedServer
	conn   jsonrpc2.Conn
	client lsp.Client
	opts   Options
	log    *logger

	initialized  atomic.Bool
	shutdownDone atomic.Bool
	exit         chan int
	cacheWrite   sync.Mutex // held while a folder's cache is written: shutdown waits for it
	stopOnce     sync.Once
	done         chan struct{}

	caps clientCaps
	enc  textpos.Encoding

	session *session

	inflightMu sync.Mutex
	inflight   map[string]map[*context.CancelFunc]bool // running requests by id: a set, as ids may be reused
	notified   atomic.Bool                             // initialized was received
}

// clientMethods are the methods a client may send that go.lsp.dev
// dispatches; others are answered here.
var clientMethods = func() map[string]bool {
	m := map[string]bool{}
	for _, info := range lsp.Methods {
		if info.Direction != "serverToClient" {
			m[info.Method] = true
		}
	}
	return m
}()

func newServer(conn jsonrpc2.Conn, opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Console == nil {
		opts.Console = io.Discard
	}
	s := &Server{
		conn:   conn,
		client: lsp.ClientDispatcher(conn),
		opts:   opts,
		exit:   make(chan int, 1),
		done:   make(chan struct{}),

		inflight: map[string]map[*context.CancelFunc]bool{},
	}
	s.log = newLogger(opts.Log, opts.Console, s)
	s.session = newSession(s)
	return s
}

// stopped reports whether the connection is done with.
func (s *Server) stopped() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

func (s *Server) stop() {
	s.stopOnce.Do(func() {
		close(s.done)
		s.session.close()
	})
}

var (
	errNotInitialized = jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized")
	errShutDown       = jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down")
)

// handle wraps the typed dispatch with the lifecycle rules, ordering,
// cancellation and panic recovery.
func (s *Server) handle(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
		method := req.Method()
		call := req.IsCall()
		if method == lsp.MethodCancelRequest {
			s.cancelRequest(req.Params())
			return nil, nil
		}
		if call {
			switch {
			case method == lsp.MethodInitialize:
				if s.initialized.Load() {
					return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already sent")
				}
			case !s.initialized.Load():
				return nil, errNotInitialized
			case s.shutdownDone.Load():
				return nil, errShutDown
			default:
				// The request's own context is recycled when the handler
				// returns, so cancellation hangs off the connection's context.
				// It is registered before the read loop is released below: a
				// $/cancelRequest read right after this request must find it.
				//
				// %q keeps the number 7 and the string "7" apart; a client
				// may reuse an id while the first request still runs, and
				// a cancellation then reaches both.
				id := fmt.Sprintf("%q", req.ID())
				reqCtx := ctx
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(jsonrpc2.DetachContext(ctx))
				s.inflightMu.Lock()
				if s.inflight[id] == nil {
					s.inflight[id] = map[*context.CancelFunc]bool{}
				}
				s.inflight[id][&cancel] = true
				s.inflightMu.Unlock()
				defer func() {
					s.inflightMu.Lock()
					delete(s.inflight[id], &cancel)
					if len(s.inflight[id]) == 0 {
						delete(s.inflight, id)
					}
					s.inflightMu.Unlock()
					cancel()
				}()
				// Release the read loop: later messages may be read while this
				// request runs on the snapshot it starts with.
				jsonrpc2.Async(reqCtx)
			}
		} else if !s.initialized.Load() && method != lsp.MethodExit {
			s.log.warnf("dropped %s: the server is not initialized", method)
			return nil, nil // as the specification says
		}
		defer func() {
			if p := recover(); p != nil {
				s.log.errorf("panic in %s: %v\n%s", method, p, debug.Stack())
				if call {
					result, err = nil, jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("internal error in %s: %v", method, p))
				} else {
					result, err = nil, nil
				}
			}
		}()
		if method == lsp.MethodTextDocumentDidChange {
			err = checkChangeRanges(req.Params())
		}
		switch {
		case err != nil: // rejected above
		case clientMethods[method]:
			result, err = next(ctx, req)
		case call:
			result, err = s.Request(ctx, method, nil)
		default:
			return nil, nil // unknown notifications are ignored
		}
		if !call {
			// An error from a notification would close the connection.
			if err != nil {
				s.log.warnf("%s: %v", method, err)
			}
			return nil, nil
		}
		if err != nil && ctx.Err() != nil {
			err = lsp.ErrRequestCancelled
		}
		if errors.Is(err, jsonrpc2.ErrParse) {
			// go.lsp.dev reports params that do not decode as a parse
			// error, but the message was JSON: its params are invalid.
			err = jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("invalid params for %s: %v", method, err))
		}
		return result, err
	}
}

// cancelRequest cancels the running request whose id $/cancelRequest names.
func (s *Server) cancelRequest(params []byte) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(params, &p) != nil {
		return
	}
	var key string
	var n int64
	var str string
	switch {
	case json.Unmarshal(p.ID, &n) == nil:
		key = fmt.Sprintf("%q", jsonrpc2.NewNumberID(n))
	case json.Unmarshal(p.ID, &str) == nil:
		key = fmt.Sprintf("%q", jsonrpc2.NewStringID(str))
	default:
		return
	}
	s.inflightMu.Lock()
	for cancel := range s.inflight[key] {
		(*cancel)()
	}
	s.inflightMu.Unlock()
}

// Request answers requests for methods that LSP does not define.
func (s *Server) Request(ctx context.Context, method string, params any) (any, error) {
	if s.opts.testHooks {
		switch method {
		case "rscls/test/sleep":
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(10 * time.Second):
				return "slept", nil
			}
		case "rscls/test/panic":
			panic("a test asked for it")
		case "rscls/test/state":
			return s.session.testState(), nil
		}
	}
	if strings.HasPrefix(method, "$/") {
		return nil, nil // implementation-dependent notifications sent as requests
	}
	return nil, fmt.Errorf("%q: %w", method, jsonrpc2.ErrMethodNotFound)
}

// notify sends a notification, ignoring a closed connection.
func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(context.Background(), method, params); err != nil {
		select {
		case <-s.done:
		default:
			// Not to the editor: that would notify again, and fail again.
			s.log.localf(levelDebug, "notify %s: %v", method, err)
		}
	}
}

// status tells the editor what the server is doing: indexing, ready, error.
func (s *Server) status(state, message string) {
	params := map[string]string{"state": state}
	if message != "" {
		params["message"] = message
	}
	s.notify("rscls/status", params)
}
