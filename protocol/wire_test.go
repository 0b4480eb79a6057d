package protocol

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/osfs"
)

// rawClient writes bytes to a server itself, for the messages a client
// library never sends, and reads everything the server writes.
type rawClient struct {
	t       *testing.T
	root    string
	label   string // the pprof label on the server's goroutines
	exit    chan int
	console *syncBuffer

	wmu sync.Mutex
	w   *os.File // the server's input

	mu   sync.Mutex
	cond *sync.Cond
	msgs []rawMsg
	next int // the first message not yet looked at by response
	eof  bool
	seq  int
}

type rawMsg struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int64  `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	raw string
}

// id returns the message's id as JSON text, "null" when absent.
func (m rawMsg) id() string {
	if len(m.ID) == 0 {
		return "null"
	}
	return string(m.ID)
}

func (m rawMsg) code() int64 {
	if m.Error == nil {
		return 0
	}
	return m.Error.Code
}

// syncBuffer is a buffer the server's goroutines write while a test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

const serverLabel = "rscls-test-server"

var rawSeq atomic.Int64

// startRaw writes files under a temporary root and starts a server on OS
// pipes. Every goroutine the server starts carries a pprof label, so that
// the test can check they all end.
func startRaw(t *testing.T, files map[string]string) *rawClient {
	t.Helper()
	return startRawFS(t, files, osfs.FS{})
}

// startRawFS is startRaw with the server reading through fsys.
func startRawFS(t *testing.T, files map[string]string, fsys vfs.FS) *rawClient {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		writeFile(t, root, name, content)
	}
	toServerR, toServerW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromServerR, fromServerW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &rawClient{t: t, root: root, w: toServerW, exit: make(chan int, 1), console: &syncBuffer{},
		label: fmt.Sprintf("%s#%d", t.Name(), rawSeq.Add(1)), seq: 1000}
	c.cond = sync.NewCond(&c.mu)
	go pprof.Do(context.Background(), pprof.Labels(serverLabel, c.label), func(ctx context.Context) {
		code := Serve(ctx, pipeEnd{toServerR, fromServerW}, Options{FS: fsys, Analyzers: suite.Analyzers,
			Log: logSink(), Console: c.console, Version: "test", testHooks: true})
		// What the process's exit does to its standard input and output.
		toServerR.Close()
		fromServerW.Close()
		c.exit <- code
	})
	go c.readLoop(fromServerR)
	t.Cleanup(func() {
		toServerW.Close()
		fromServerR.Close()
	})
	return c
}

func (c *rawClient) uri(name string) uri.URI { return uri.File(c.root + "/" + name) }

// readLoop records what the server writes and answers its requests.
func (c *rawClient) readLoop(r io.Reader) {
	in := bufio.NewReader(r)
	defer func() {
		c.mu.Lock()
		c.eof = true
		c.mu.Unlock()
		c.cond.Broadcast()
	}()
	for {
		length := -1
		for {
			line, err := in.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		if length < 0 {
			c.t.Errorf("the server wrote a header without Content-Length")
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(in, body); err != nil {
			return
		}
		var m rawMsg
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("the server wrote a message that is not JSON: %q", body)
			return
		}
		m.raw = string(body)
		if m.Method != "" && m.id() != "null" {
			c.send(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": nil})
		}
		c.mu.Lock()
		c.msgs = append(c.msgs, m)
		c.mu.Unlock()
		c.cond.Broadcast()
	}
}

func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// write sends raw bytes; a server that hung up makes it fail, which the
// tests of broken framing expect.
func (c *rawClient) write(data string) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err := io.WriteString(c.w, data)
	return err
}

func (c *rawClient) send(v any) {
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.write(frame(string(body)))
}

// request sends a request with the given id (any JSON value).
func (c *rawClient) request(id any, method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
}

func (c *rawClient) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request with a fresh id and returns its response, which
// must be the next response the server writes.
func (c *rawClient) call(method string, params any) rawMsg {
	c.t.Helper()
	c.mu.Lock()
	c.seq++
	id := c.seq
	c.mu.Unlock()
	c.request(id, method, params)
	return c.response(strconv.Itoa(id))
}

// response returns the next response the server wrote, which must have
// the given id (JSON text).
func (c *rawClient) response(id string) rawMsg {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for ; c.next < len(c.msgs); c.next++ {
			if m := c.msgs[c.next]; m.Method == "" {
				c.next++
				if m.id() != id {
					c.t.Fatalf("next response is %s, want id %s", m.raw, id)
				}
				return m
			}
		}
		if c.eof {
			c.t.Fatalf("the server hung up before answering id %s", id)
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for the response with id %s", id)
		}
		waitWithTimeout(c.cond, 100*time.Millisecond)
	}
}

// waitNote waits for a notification of method that satisfies ok.
func (c *rawClient) waitNote(method string, ok func(rawMsg) bool) rawMsg {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for _, m := range c.msgs {
			if m.Method == method && ok(m) {
				return m
			}
		}
		if time.Now().After(deadline) || c.eof {
			c.t.Fatalf("no %s notification as expected", method)
		}
		waitWithTimeout(c.cond, 100*time.Millisecond)
	}
}

func (c *rawClient) count(method string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, m := range c.msgs {
		if m.Method == method {
			n++
		}
	}
	return n
}

// waitEOF waits until the server closes its output.
func (c *rawClient) waitEOF() {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.eof {
		if time.Now().After(deadline) {
			c.t.Fatalf("the server did not close the connection")
		}
		waitWithTimeout(c.cond, 100*time.Millisecond)
	}
}

// initialize runs the handshake with the given client capabilities and
// waits for the first analysis.
func (c *rawClient) initialize(caps string) {
	c.t.Helper()
	root := uri.File(c.root)
	r := c.call("initialize", map[string]any{
		"processId": nil, "rootUri": root, "capabilities": json.RawMessage(caps),
		"initializationOptions": map[string]any{"diagnosticsDelay": 5},
		"workspaceFolders":      []map[string]any{{"uri": root, "name": "test"}},
	})
	if r.Error != nil {
		c.t.Fatalf("initialize: %s", r.raw)
	}
	c.notify("initialized", map[string]any{})
	c.waitNote("rscls/status", func(m rawMsg) bool { return strings.Contains(string(m.Params), `"ready"`) })
}

// state returns the server's session as the test hook describes it.
func (c *rawClient) state() testState {
	c.t.Helper()
	r := c.call("rscls/test/state", nil)
	var st testState
	if err := json.Unmarshal(r.Result, &st); err != nil {
		c.t.Fatalf("state: %v in %s", err, r.raw)
	}
	return st
}

// exitCode waits for Serve to return.
func (c *rawClient) exitCode() int {
	c.t.Helper()
	select {
	case code := <-c.exit:
		return code
	case <-time.After(20 * time.Second):
		c.t.Fatalf("the server did not exit")
		return -1
	}
}

// waitGone waits until no goroutine the server started is left: none is
// stuck on a channel, a lock or the stream.
func (c *rawClient) waitGone() {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		left := labelled(c.label)
		if left == "" {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("goroutines of the server are left:\n%s", left)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// labelled returns the stacks of the goroutines labelled with label.
func labelled(label string) string {
	var buf bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&buf, 1)
	want := fmt.Sprintf("%q:%q", serverLabel, label)
	var out []string
	for _, block := range strings.Split(buf.String(), "\n\n") {
		if strings.Contains(block, want) {
			out = append(out, block)
		}
	}
	return strings.Join(out, "\n\n")
}
