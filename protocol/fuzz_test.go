package protocol

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	lsp "go.lsp.dev/protocol"

	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/test/fuzzseed"
	"golang.org/x/tools/txtar"
)

// The server's fuzz targets run it in-process on an in-memory workspace:
// every marker test's project under /w/<test>/. No input reaches the disk.

// fuzzTimeout is how long one input may take before it counts as a hang.
// An input takes milliseconds; the margin is for a loaded machine.
const fuzzTimeout = 20 * time.Second

// fuzzWorkspace is the file system the fuzzed servers see.
func fuzzWorkspace() vfs.MapFS {
	fs := vfs.MapFS{"/w/package.json": `{"name": "w", "private": true}`}
	for _, a := range fuzzseed.Files(func(name string) bool { return strings.HasSuffix(name, ".txtar") }) {
		dir := "/w/" + strings.TrimSuffix(path.Base(a.Rel), ".txtar")
		for _, s := range txtar.Parse(a.Data).Files {
			if !strings.HasPrefix(s.Name, "@") && s.Name != "flags" && s.Name != "settings.json" {
				fs[dir+"/"+s.Name] = string(s.Data)
			}
		}
	}
	return fs
}

// fuzzHangPanic crashes the process with every goroutine's stack: a goroutine
// stuck in a deadlock cannot be stopped, and a crash makes the fuzzer keep
// the input.
func fuzzHangPanic(what string) {
	buf := make([]byte, 4<<20)
	buf = buf[:runtime.Stack(buf, true)]
	panic(fmt.Sprintf("%s did not finish within %v (a hang):\n%s", what, fuzzTimeout, buf))
}

// fuzzGoroutineID returns the calling goroutine's id, from the header of
// its stack ("goroutine 42 [running]:"). Ids only grow, so a goroutine
// with a larger id started later.
func fuzzGoroutineID() int {
	var buf [64]byte
	head := strings.TrimPrefix(string(buf[:runtime.Stack(buf[:], false)]), "goroutine ")
	id, _ := strconv.Atoi(head[:strings.IndexByte(head+" ", ' ')])
	return id
}

// fuzzLeftovers returns the stacks of the goroutines started after the
// goroutine with id since that still run this module's code or
// jsonrpc2's.
func fuzzLeftovers(since int) []string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		head := strings.TrimPrefix(g, "goroutine ")
		id, err := strconv.Atoi(head[:strings.IndexByte(head+" ", ' ')])
		if err == nil && id > since && (strings.Contains(g, "github.com/rscls/rscls/") || strings.Contains(g, "go.lsp.dev/jsonrpc2")) {
			out = append(out, g)
		}
	}
	return out
}

// fuzzWaitGoroutines waits until the goroutines a server started have
// ended: a server that returned must leave nothing running. n is the
// number of goroutines before it started; while there are more, the
// stacks tell whether any is the server's.
func fuzzWaitGoroutines(n int, what string) {
	self := fuzzGoroutineID()
	deadline := time.Now().Add(fuzzTimeout)
	for i := 0; runtime.NumGoroutine() > n; i++ {
		if i%64 == 63 && len(fuzzLeftovers(self)) == 0 {
			return // the extra goroutines are not the server's
		}
		if time.Now().After(deadline) {
			fuzzHangPanic(what + ": the server's goroutines")
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// fuzzLogBuffer collects the server's log.
type fuzzLogBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *fuzzLogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// checkLog fails on a panic the server recovered from: recovering keeps
// the server up, but the panic is still a bug.
func (l *fuzzLogBuffer) checkLog(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if i := strings.Index(l.b.String(), "panic in "); i >= 0 {
		t.Fatalf("the server recovered from a panic:\n%s", l.b.String()[i:])
	}
}

// fuzzInputConn is the client's side of a stream that says only what input
// holds, then ends. The server's answers are discarded.
type fuzzInputConn struct {
	mu     sync.Mutex
	in     *bytes.Reader
	closed bool
}

func (c *fuzzInputConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, io.ErrClosedPipe
	}
	return c.in.Read(p)
}

func (c *fuzzInputConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, io.ErrClosedPipe
	}
	return len(p), nil
}

func (c *fuzzInputConn) Close() error {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	return nil
}

// fuzzFrame writes msg with the LSP base protocol's header.
func fuzzFrame(b *bytes.Buffer, msg string) {
	fmt.Fprintf(b, "Content-Length: %d\r\n\r\n%s", len(msg), msg)
}

func fuzzJsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// fuzzInitializeParams are the initialize request's params for the fuzzed
// workspace, with or without UTF-8 positions.
func fuzzInitializeParams(utf8 bool, initOptions string) string {
	general := ""
	if utf8 {
		general = `"general": {"positionEncodings": ["utf-8", "utf-16"]}, `
	}
	if !json.Valid([]byte(initOptions)) {
		initOptions = fuzzJsonString(initOptions)
	}
	return `{"processId": null, "rootUri": "file:///w", "capabilities": {` + general +
		`"textDocument": {"hover": {"contentFormat": ["markdown"]}, "publishDiagnostics": {"relatedInformation": true}}}, ` +
		`"initializationOptions": ` + initOptions + `, "workspaceFolders": [{"uri": "file:///w", "name": "w"}]}`
}

// fuzzSession is a well-formed conversation about one marker test's files,
// for the seeds: what an editor sends when it opens, edits and queries
// them.
func fuzzSession(dir string, files []txtar.File, utf8 bool) []byte {
	var b bytes.Buffer
	id := 0
	call := func(method, params string) {
		id++
		fuzzFrame(&b, fmt.Sprintf(`{"jsonrpc": "2.0", "id": %d, "method": %q, "params": %s}`, id, method, params))
	}
	notify := func(method, params string) {
		fuzzFrame(&b, fmt.Sprintf(`{"jsonrpc": "2.0", "method": %q, "params": %s}`, method, params))
	}
	call("initialize", fuzzInitializeParams(utf8, `{"diagnosticsDelay": 0}`))
	notify("initialized", `{}`)
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".tsx") && !strings.HasSuffix(f.Name, ".ts") {
			continue
		}
		uri := fuzzJsonString("file://" + dir + "/" + f.Name)
		notify("textDocument/didOpen", `{"textDocument": {"uri": `+uri+`, "languageId": "typescriptreact", "version": 1, "text": `+fuzzJsonString(string(f.Data))+`}}`)
		doc := `{"uri": ` + uri + `}`
		call("textDocument/hover", `{"textDocument": `+doc+`, "position": {"line": 0, "character": 10}}`)
		call("textDocument/codeAction", `{"textDocument": `+doc+`, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}}, "context": {"diagnostics": []}}`)
		notify("textDocument/didChange", `{"textDocument": {"uri": `+uri+`, "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "'use client'\n"}]}`)
		call("textDocument/codeLens", `{"textDocument": `+doc+`}`)
	}
	notify("workspace/didChangeConfiguration", `{"settings": {"rscls": {"rules": {"clientApiInServer": "warning"}}}}`)
	call("shutdown", `null`)
	notify("exit", `null`)
	return b.Bytes()
}

// fuzzMarkerSessions returns a fuzzSession for each marker test, in both
// fuzzEncodings.
func fuzzMarkerSessions() [][]byte {
	var out [][]byte
	for _, a := range fuzzseed.Files(func(name string) bool { return strings.HasSuffix(name, ".txtar") }) {
		dir := "/w/" + strings.TrimSuffix(path.Base(a.Rel), ".txtar")
		files := txtar.Parse(a.Data).Files
		out = append(out, fuzzSession(dir, files, false), fuzzSession(dir, files, true))
	}
	return out
}

// FuzzServe feeds arbitrary bytes to the server as the client's side of
// the stream: framing, JSON-RPC decoding, dispatch, and, from the
// well-formed seeds, every handler. The server must return once the input
// ends, leave nothing running, and never panic; answering errors is fine.
func FuzzServe(f *testing.F) {
	// A tenth of the real budget: a text that overruns it costs 0.1 s
	// a parse instead of 1 s, and a healthy one stays far below it.
	defer syntax.ScaleBudgetForTest(100)()
	for _, s := range fuzzMarkerSessions() {
		f.Add(s)
	}
	var b bytes.Buffer
	fuzzFrame(&b, `{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}`)
	fuzzFrame(&b, `[{"jsonrpc": "2.0", "method": "initialized"}, {"jsonrpc": "2.0", "id": "x", "method": "shutdown"}]`)
	fuzzFrame(&b, `{"jsonrpc": "2.0", "id": null, "method": "textDocument/hover", "params": []}`)
	fuzzFrame(&b, `{"jsonrpc": "2.0", "id": 1, "result": null}`)
	b.WriteString("Content-Length: 99999999\r\n\r\n{")
	f.Add(b.Bytes())
	f.Add([]byte("Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}"))
	f.Add([]byte("content-length:2\n\n{}Content-Type: x\r\n\r\n"))
	workspace := fuzzWorkspace()
	f.Fuzz(func(t *testing.T, data []byte) {
		before := runtime.NumGoroutine()
		logs := &fuzzLogBuffer{}
		conn := &fuzzInputConn{in: bytes.NewReader(data)}
		done := make(chan int, 1)
		go func() {
			done <- Serve(context.Background(), conn, Options{FS: workspace, Analyzers: suite.Analyzers, Log: logs, Version: "fuzz"})
		}()
		select {
		case <-done:
		case <-time.After(fuzzTimeout):
			fuzzHangPanic("Serve after the end of its input")
		}
		conn.Close() // as the process's exit would
		fuzzWaitGoroutines(before, "Serve")
		logs.checkLog(t)
	})
}

// fuzzMethods are the methods FuzzServerMessages sends, picked by the
// first byte of each line of its script. Removing the workspace folder is
// left out: the fuzzSession ends by waiting for an analysis of it.
var fuzzMethods = []struct {
	name string
	call bool
}{
	{"textDocument/didOpen", false},
	{"textDocument/didChange", false},
	{"textDocument/hover", true},
	{"textDocument/codeAction", true},
	{"workspace/didChangeConfiguration", false},
	{"textDocument/codeLens", true},
	{"workspace/executeCommand", true},
	{"textDocument/didSave", false},
	{"textDocument/didClose", false},
	{"workspace/didChangeWatchedFiles", false},
	{"$/cancelRequest", false},
}

// fuzzClient is the client's end of a FuzzServerMessages fuzzSession.
type fuzzClient struct {
	mu       sync.Mutex
	cond     *sync.Cond
	analyzed int // analyses finished: rscls/status ready or error
	bad      []string
}

func (c *fuzzClient) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.cond.Broadcast()
	switch req.Method() {
	case "rscls/status":
		var p struct{ State string }
		_ = json.Unmarshal(req.Params(), &p)
		if p.State == "ready" || p.State == "error" {
			c.analyzed++
		}
	case "textDocument/publishDiagnostics":
		var p lsp.PublishDiagnosticsParams
		if err := lsp.Unmarshal(req.Params(), &p); err != nil {
			c.bad = append(c.bad, "undecodable diagnostics: "+err.Error())
			break
		}
		for _, d := range p.Diagnostics {
			s, e := d.Range.Start, d.Range.End
			if s.Line > e.Line || s.Line == e.Line && s.Character > e.Character {
				c.bad = append(c.bad, fmt.Sprintf("diagnostic %q ends before it starts: %+v", d.Message, d.Range))
			}
		}
	}
	return nil, nil
}

// fuzzScriptLine encodes one message of a FuzzServerMessages script.
func fuzzScriptLine(method string, params string) string {
	for i, m := range fuzzMethods {
		if m.name == method {
			return string(rune('0'+i)) + params
		}
	}
	panic("no method " + method)
}

// FuzzServerMessages runs a real fuzzSession: initialize (with fuzzed
// initializationOptions, in UTF-16 or UTF-8), open a document with fuzzed
// text, wait for the analysis, then a fuzzed script of messages, one per
// line: a byte that picks the method and its JSON params. didChange ranges,
// hover and code action positions, settings and URIs are all the
// fuzzer's. The fuzzSession ends with a save, which must bring an analysis,
// then shutdown and exit, which must end the server with code 0.
func FuzzServerMessages(f *testing.F) {
	// A tenth of the real budget: a text that overruns it costs 0.1 s
	// a parse instead of 1 s, and a healthy one stays far below it.
	defer syntax.ScaleBudgetForTest(100)()
	const page = "file:///w/codeaction/app/page.tsx"
	doc := `{"uri": "` + page + `"}`
	rng := func(l1, c1, l2, c2 int) string {
		return fmt.Sprintf(`{"start": {"line": %d, "character": %d}, "end": {"line": %d, "character": %d}}`, l1, c1, l2, c2)
	}
	scripts := []string{
		fuzzScriptLine("textDocument/didChange", `{"textDocument": {"uri": "`+page+`", "version": 2}, "contentChanges": [{"range": `+rng(0, 0, 0, 0)+`, "text": "'use client'\n"}]}`) + "\n" +
			fuzzScriptLine("textDocument/hover", `{"textDocument": `+doc+`, "position": {"line": 1, "character": 12}}`) + "\n" +
			fuzzScriptLine("textDocument/codeAction", `{"textDocument": `+doc+`, "range": `+rng(0, 0, 9, 0)+`, "context": {"diagnostics": [], "only": ["quickfix", "source"]}}`),
		fuzzScriptLine("textDocument/didChange", `{"textDocument": {"uri": "`+page+`", "version": 2}, "contentChanges": [{"range": `+rng(6, 1, 6, 1)+`, "text": "😀"}, {"range": `+rng(6, 2, 99, 0)+`, "text": ""}, {"text": "x"}]}`) + "\n" +
			fuzzScriptLine("textDocument/hover", `{"textDocument": `+doc+`, "position": {"line": 0, "character": 4294967295}}`),
		fuzzScriptLine("workspace/didChangeConfiguration", `{"settings": {"rscls": {"rules": {"clientApiInServer": "off", "nope": "x"}, "diagnosticsDelay": -1, "logLevel": "debug", "ignore": ["**"]}}}`) + "\n" +
			fuzzScriptLine("workspace/didChangeConfiguration", `{"settings": []}`) + "\n" +
			fuzzScriptLine("textDocument/codeLens", `{"textDocument": `+doc+`}`),
		fuzzScriptLine("workspace/executeCommand", `{"command": "rscls.showChain", "arguments": ["`+page+`"]}`) + "\n" +
			fuzzScriptLine("textDocument/didOpen", `{"textDocument": {"uri": "file:///elsewhere/x.ts", "languageId": "typescript", "version": 1, "text": "'use server'\nexport const x = 1"}}`) + "\n" +
			fuzzScriptLine("textDocument/didClose", `{"textDocument": `+doc+`}`) + "\n" +
			fuzzScriptLine("textDocument/hover", `{"textDocument": `+doc+`, "position": {"line": 2, "character": 20}}`),
		fuzzScriptLine("workspace/didChangeWatchedFiles", `{"changes": [{"uri": "file:///w/codeaction/package.json", "type": 2}, {"uri": "file:///w/codeaction/lib/db.ts", "type": 3}]}`) + "\n" +
			fuzzScriptLine("$/cancelRequest", `{"id": 5}`) + "\n" +
			fuzzScriptLine("textDocument/didSave", `{"textDocument": `+doc+`}`),
	}
	var texts []string
	for _, s := range fuzzseed.Sources() {
		texts = append(texts, string(s.Data))
	}
	for i, script := range scripts {
		for j := 0; j < 4; j++ {
			k := i*4 + j
			f.Add(k%2 == 0, `{"diagnosticsDelay": 0}`, texts[k*7%len(texts)], []byte(script))
		}
	}
	f.Add(true, `{"diagnosticsDelay": 0}`, halfTypedJSX, []byte(scripts[0]))
	workspace := fuzzWorkspace()
	f.Fuzz(func(t *testing.T, utf8 bool, initOptions, text string, script []byte) {
		timer := time.AfterFunc(fuzzTimeout, func() { fuzzHangPanic("a FuzzServerMessages session") })
		defer timer.Stop()
		before := runtime.NumGoroutine()
		logs := &fuzzLogBuffer{}
		serverSide, clientSide := net.Pipe()
		done := make(chan int, 1)
		go func() {
			done <- Serve(context.Background(), serverSide, Options{FS: workspace, Analyzers: suite.Analyzers, Log: logs, Version: "fuzz"})
			serverSide.Close()
		}()
		c := &fuzzClient{}
		c.cond = sync.NewCond(&c.mu)
		conn := jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide), jsonrpc2.WithCodec(codec{}))
		conn.Go(context.Background(), c.handle)
		ctx := context.Background()
		call := func(method string, params []byte) error {
			_, err := conn.Call(ctx, method, jsonrpc2.RawMessage(params), nil)
			return err
		}
		notify := func(method string, params []byte) {
			if err := conn.Notify(ctx, method, jsonrpc2.RawMessage(params)); err != nil {
				t.Fatalf("%s: %v", method, err)
			}
		}
		analyzed := func() int {
			c.mu.Lock()
			defer c.mu.Unlock()
			return c.analyzed
		}
		waitAnalysis := func(before int) {
			c.mu.Lock()
			defer c.mu.Unlock()
			for c.analyzed <= before {
				c.cond.Wait() // the timer catches a hang
			}
		}

		if err := call("initialize", []byte(fuzzInitializeParams(utf8, initOptions))); err != nil {
			t.Fatalf("initialize: %v", err)
		}
		n := analyzed()
		notify("initialized", []byte(`{}`))
		notify("textDocument/didOpen", []byte(`{"textDocument": {"uri": "`+page+`", "languageId": "typescriptreact", "version": 1, "text": `+fuzzJsonString(text)+`}}`))
		waitAnalysis(n)

		for _, line := range bytes.Split(script, []byte("\n")) {
			if len(line) == 0 {
				continue
			}
			m := fuzzMethods[int(line[0]-'0')%len(fuzzMethods)]
			params := line[1:]
			if !json.Valid(params) {
				params = []byte(fuzzJsonString(string(params))) // the connection only sends JSON
			}
			if m.call {
				_ = call(m.name, params) // errors are fine answers
			} else {
				notify(m.name, params)
			}
		}

		n = analyzed()
		notify("textDocument/didSave", []byte(`{"textDocument": `+doc+`}`))
		waitAnalysis(n)
		if err := call("shutdown", nil); err != nil {
			t.Fatalf("shutdown: %v", err)
		}
		notify("exit", nil)
		if code := <-done; code != 0 {
			t.Fatalf("exit code %d after shutdown", code)
		}
		conn.Close()
		clientSide.Close()
		fuzzWaitGoroutines(before, "the session")
		logs.checkLog(t)
		c.mu.Lock()
		defer c.mu.Unlock()
		if len(c.bad) > 0 {
			t.Fatal(strings.Join(c.bad, "\n"))
		}
	})
}

// FuzzDecodeSettings decodes arbitrary settings as initializationOptions
// or didChangeConfiguration carry them: whatever comes in, what applies is
// valid settings.
func FuzzDecodeSettings(f *testing.F) {
	for _, s := range fuzzseed.Files(func(name string) bool { return name == "settings.json" || name == "rscls.json" }) {
		f.Add(s.Data)
	}
	for _, s := range fuzzseed.Files(func(name string) bool { return strings.HasSuffix(name, ".txtar") }) {
		for _, sec := range txtar.Parse(s.Data).Files {
			if sec.Name == "settings.json" {
				f.Add(sec.Data)
			}
		}
	}
	for _, s := range []string{``, `null`, `[]`, `{}`, `{"rscls": null}`, `{"rscls": {"rules": {"x": "error"}}}`, `{"rules": {"clientApiInServer": "hint", "y": 1}}`,
		`{"diagnosticsDelay": 1e9, "logLevel": "loud", "codeLens": false}`, `{"rscls": {"ignore": "x"}, "other": 1}`, `"str"`, `{"rscls": 5}`, "\ufeff{}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		st, problems := decodeSettings(raw, suite.Analyzers)
		if st == nil {
			t.Fatalf("no settings for %q (problems %q)", raw, problems)
		}
		if err := st.config.Validate(suite.Analyzers); err != nil {
			t.Fatalf("settings from %q do not validate: %v (problems %q)", raw, err, problems)
		}
		if bad := st.server.SettingsProblems(); len(bad) > 0 {
			t.Fatalf("settings from %q do not validate: %q (problems %q)", raw, bad, problems)
		}
		for _, p := range problems {
			if p == "" {
				t.Fatalf("an empty problem for %q", raw)
			}
		}
	})
}
