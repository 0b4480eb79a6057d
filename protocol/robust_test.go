package protocol

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"go.lsp.dev/jsonrpc2"
	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/syntax"
)

// Tests of what clients get wrong, as the specifications answer it: the
// LSP base protocol and JSON-RPC 2.0 for the wire, LSP for the rest.

const rawHover = `{"textDocument":{"uri":%q},"position":{"line":0,"character":28}}`

// TestMalformedFramingClosesCleanly: a header that cannot be read loses
// the frame boundary, so nothing after it can be trusted. The server
// logs why, closes the connection and returns exit code 1 (no shutdown
// came), and none of its goroutines is left behind.
func TestMalformedFramingClosesCleanly(t *testing.T) {
	body := `{"jsonrpc":"2.0","id":50,"method":"shutdown"}`
	for _, tc := range []struct{ name, bytes, log string }{
		{"missing Content-Length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body, "no Content-Length"},
		{"non-numeric Content-Length", "Content-Length: ten\r\n\r\n" + body, `Content-Length "ten"`},
		{"negative Content-Length", "Content-Length: -46\r\n\r\n" + body, `Content-Length "-46"`},
		{"enormous Content-Length", "Content-Length: 99999999999999999999999\r\n\r\n" + body, `Content-Length "99999999999999999999999"`},
		{"two Content-Lengths", "Content-Length: 46\r\nContent-Length: 47\r\n\r\n" + body, `Content-Length "47"`},
		{"header without the blank line", fmt.Sprintf("Content-Length: %d\r\n%s", len(body), body), "is not a header field"},
		{"header line without a colon", "Content-Length 46\r\n\r\n" + body, "is not a header field"},
		{"header line that never ends", strings.Repeat("X-Padding-", 1000), "header line longer than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := startRaw(t, crossFile)
			c.initialize(`{}`)
			c.write(tc.bytes)
			// A valid request after the damage is not answered: the server
			// has hung up.
			c.write(frame(fmt.Sprintf(`{"jsonrpc":"2.0","id":51,"method":"textDocument/hover","params":`+rawHover+`}`, c.uri("app/page.tsx"))))
			c.waitEOF()
			if code := c.exitCode(); code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			c.waitGone()
			for _, m := range c.msgs {
				if m.Method == "" {
					if id := m.id(); id == "50" || id == "51" {
						t.Errorf("answered a message after the broken header: %s", m.raw)
					}
				}
			}
			if log := c.console.String(); !strings.Contains(log, "malformed LSP header") || !strings.Contains(log, tc.log) {
				t.Errorf("the log does not say why the connection closed (%q):\n%s", tc.log, log)
			}
		})
	}
}

// TestEnormousContentLengthDoesNotAllocate: a declared length is not
// trusted for an allocation; memory follows the bytes that arrive.
func TestEnormousContentLengthDoesNotAllocate(t *testing.T) {
	c := startRaw(t, crossFile)
	c.initialize(`{}`)
	before := heapInUse()
	c.write("Content-Length: 900000000\r\n\r\n")
	// The pipe holds 64 KiB at most: once this write returns, the server
	// has read the header and most of these bytes.
	if err := c.write(strings.Repeat(" ", 1<<20)); err != nil {
		t.Fatal(err)
	}
	if grown := int64(heapInUse()) - int64(before); grown > 100<<20 {
		t.Errorf("the heap grew by %d MiB for a 1 MiB body declared as 900 MB", grown>>20)
	}
	c.w.Close() // the body never completes
	if code := c.exitCode(); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	c.waitGone()
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestMalformedMessagesAreAnswered: when the frame is intact but its
// content is not a valid request, JSON-RPC 2.0 has the answer: -32700 for
// what is not JSON, -32600 for what is not a request, with the request's
// id when it can be read and null otherwise. The connection goes on.
func TestMalformedMessagesAreAnswered(t *testing.T) {
	c := startRaw(t, crossFile)
	c.initialize(`{}`)
	page := c.uri("app/page.tsx")
	hover := fmt.Sprintf(rawHover, page)
	for _, tc := range []struct {
		name, body string
		id         string // of the error response; "" for no response
		code       int64
	}{
		{"not JSON", `{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]`, "null", -32700},
		{"truncated JSON", `{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":`, "null", -32700},
		{"empty body", ``, "null", -32700},
		{"a number", `42`, "null", -32600},
		{"a string", `"shutdown"`, "null", -32600},
		{"null", `null`, "null", -32600},
		{"a batch", `[{"jsonrpc":"2.0","id":9,"method":"shutdown"},{"jsonrpc":"2.0","method":"exit"}]`, "null", -32600},
		{"an empty batch", `[]`, "null", -32600},
		{"wrong jsonrpc version", `{"jsonrpc":"1.0","id":6,"method":"shutdown"}`, "6", -32600},
		{"no jsonrpc member", `{"id":"seven","method":"shutdown"}`, `"seven"`, -32600},
		{"method not a string", `{"jsonrpc":"2.0","id":8,"method":1,"params":"bar"}`, "8", -32600},
		{"a float id", `{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}`, "null", -32600},
		{"a null id", `{"jsonrpc":"2.0","id":null,"method":"shutdown"}`, "null", -32600},
		{"an object id", `{"jsonrpc":"2.0","id":{},"method":"shutdown"}`, "null", -32600},
		{"neither request nor response", `{"jsonrpc":"2.0","foo":"boo"}`, "null", -32600},
		// Meant as a response: not answered, or the client would take the
		// answer for the response to its own request 12.
		{"an invalid response", `{"jsonrpc":"2.0","id":12}`, "", 0},
		{"a response with result and error", `{"jsonrpc":"2.0","id":12,"result":1,"error":{"code":1,"message":"x"}}`, "", 0},
	} {
		c.write(frame(tc.body))
		if tc.id != "" {
			if r := c.response(tc.id); r.code() != tc.code {
				t.Errorf("%s: answered %s, want code %d", tc.name, r.raw, tc.code)
			}
		}
		// The next request is answered, and is the next answer: the
		// answer to a broken message is written before the next message
		// is read, so no other answer can come between.
		c.call("rscls/test/state", nil)
	}

	// Framing the specification allows: other header fields, any case.
	c.write("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Custom: yes\r\ncontent-length: " +
		fmt.Sprint(len(`{"jsonrpc":"2.0","id":"abc","method":"textDocument/hover","params":`+hover+`}`)) + "\r\n\r\n" +
		`{"jsonrpc":"2.0","id":"abc","method":"textDocument/hover","params":` + hover + `}`)
	// A string id is answered with the same string.
	if r := c.response(`"abc"`); r.Error != nil || string(r.Result) == "null" {
		t.Errorf("hover with a string id: %s", r.raw)
	}

	// Nothing above shut the server down, and it still diagnoses.
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": c.uri("lib/alive.ts"), "languageId": "typescript", "version": 3, "text": "'use server'\nexport const x = 1\n",
	}})
	c.waitNote("textDocument/publishDiagnostics", func(m rawMsg) bool {
		return strings.Contains(string(m.Params), "serverFileExports") && strings.Contains(string(m.Params), `"version":3`)
	})
	if r := c.call("shutdown", nil); r.Error != nil {
		t.Errorf("shutdown: %s", r.raw)
	}
	c.notify("exit", nil)
	if code := c.exitCode(); code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
	c.waitGone()
}

// TestLifecycleOrder: before initialize, requests are answered -32002
// and notifications dropped, with a log line; initialize and initialized
// count once; after shutdown, requests are InvalidRequest.
func TestLifecycleOrder(t *testing.T) {
	c := startRaw(t, crossFile)
	page := c.uri("app/page.tsx")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": page, "languageId": "typescriptreact", "version": 1, "text": "'use client'\nexport default function Page() { return null }\n",
	}})
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": page, "version": 2},
		"contentChanges": []map[string]any{{"text": "garbage"}}})
	for _, method := range []string{"textDocument/hover", "shutdown", "rscls/nope"} {
		if r := c.call(method, json.RawMessage(fmt.Sprintf(rawHover, page))); r.code() != -32002 {
			t.Errorf("%s before initialize: %s, want -32002", method, r.raw)
		}
	}
	if log := c.console.String(); !strings.Contains(log, "dropped textDocument/didOpen") || !strings.Contains(log, "dropped textDocument/didChange") {
		t.Errorf("the dropped notifications are not logged:\n%s", log)
	}

	if r := c.call("initialize", map[string]any{"capabilities": 5}); r.code() != -32602 {
		t.Errorf("initialize with invalid params: %s, want -32602", r.raw)
	}
	// That failed initialize leaves the server uninitialized.
	c.initialize(`{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}`)
	if r := c.call("initialize", map[string]any{"capabilities": map[string]any{}}); r.code() != -32600 {
		t.Errorf("a second initialize: %s, want -32600", r.raw)
	}
	// A second initialized would start a second diagnostics loop and
	// register the file watchers again.
	c.notify("initialized", map[string]any{})
	c.waitNote("window/logMessage", func(m rawMsg) bool { return strings.Contains(string(m.Params), "repeated initialized") })
	// The document was dropped: the page is diagnosed from the disk.
	if st := c.state(); len(st.Documents) != 0 {
		t.Errorf("documents opened before initialize: %v", st.Documents)
	}
	c.waitNote("textDocument/publishDiagnostics", func(m rawMsg) bool {
		return strings.Contains(string(m.Params), string(page)) && strings.Contains(string(m.Params), "nonSerializableProp")
	})
	c.waitNote("client/registerCapability", func(rawMsg) bool { return true })
	if n := c.count("client/registerCapability"); n != 1 {
		t.Errorf("file watchers registered %d times", n)
	}

	if r := c.call("shutdown", nil); r.Error != nil {
		t.Fatalf("shutdown: %s", r.raw)
	}
	for _, method := range []string{"textDocument/hover", "shutdown", "initialize"} {
		if r := c.call(method, json.RawMessage(fmt.Sprintf(rawHover, page))); r.code() != -32600 {
			t.Errorf("%s after shutdown: %s, want -32600", method, r.raw)
		}
	}
	c.notify("exit", nil)
	if code := c.exitCode(); code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
	c.waitGone()
}

func TestExitBeforeInitialize(t *testing.T) {
	c := startRaw(t, crossFile)
	c.notify("exit", nil)
	if code := c.exitCode(); code != 1 {
		t.Errorf("exit code %d before initialize, want 1", code)
	}
	c.waitGone()
}

// TestClientHangsUp: a client that closes the stream without shutdown
// gets exit code 1, a log line, and no goroutine left.
func TestClientHangsUp(t *testing.T) {
	c := startRaw(t, crossFile)
	c.initialize(`{}`)
	c.w.Close()
	if code := c.exitCode(); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	c.waitGone()
	if log := c.console.String(); !strings.Contains(log, "without shutdown") {
		t.Errorf("the log does not say the client left:\n%s", log)
	}
}

// TestReusedRequestID: ids should be unique, but a client may reuse one
// while the first request runs. Both are answered, a cancellation reaches
// both, and the number 7 and the string "7" stay different requests.
func TestReusedRequestID(t *testing.T) {
	c := startRaw(t, crossFile)
	c.initialize(`{}`)
	c.request(7, "rscls/test/sleep", nil)
	c.request(7, "rscls/test/sleep", nil)
	c.request("7", "rscls/test/sleep", nil)
	c.notify("$/cancelRequest", map[string]any{"id": 7})
	for i := 0; i < 2; i++ {
		if r := c.response("7"); r.code() != -32800 {
			t.Errorf("request 7: %s, want -32800", r.raw)
		}
	}
	// The string "7" still runs: the next answer is the one to this call.
	if r := c.call("rscls/test/state", nil); r.Error != nil {
		t.Errorf("state: %s", r.raw)
	}
	c.notify("$/cancelRequest", map[string]any{"id": "7"})
	if r := c.response(`"7"`); r.code() != -32800 {
		t.Errorf(`request "7": %s, want -32800`, r.raw)
	}
	c.w.Close()
	c.exitCode()
	c.waitGone()
}

// TestNotifyFailureDoesNotRecurse: at debug level, a failed notification
// is logged; that log line must not be sent as one more notification.
func TestNotifyFailureDoesNotRecurse(t *testing.T) {
	serverSide, clientSide := osPipes(t)
	clientSide.Close()
	conn := jsonrpc2.NewConn(newStream(serverSide))
	conn.Go(context.Background(), jsonrpc2.MethodNotFoundHandler)
	<-conn.Done()
	var log syncBuffer
	s := newServer(conn, Options{Log: &log})
	s.initialized.Store(true)
	s.log.setLevel(levelDebug)
	s.notify("window/logMessage", &lsp.LogMessageParams{Message: "x"})
	if !strings.Contains(log.String(), "notify window/logMessage") {
		t.Errorf("the failure is not logged: %q", log.String())
	}
}

// TestCancelUnknownRequests: $/cancelRequest for ids that never ran or
// are done, and with params that are not ids, changes nothing.
func TestCancelUnknownRequests(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	c.mustCall("rscls/test/state", nil, nil) // done: its id is known and gone
	for _, params := range []string{`{"id":1}`, `{"id":12345}`, `{"id":"nope"}`, `{"id":{}}`, `{"id":1.5}`, `{}`, `null`, `[]`} {
		c.notify("$/cancelRequest", jsonrpc2.RawMessage(params))
	}
	// Sent as a request, it is answered, with null.
	if err := c.call("$/cancelRequest", jsonrpc2.RawMessage(`{"id":99}`), nil); err != nil {
		t.Errorf("$/cancelRequest as a request: %v", err)
	}
	c.checkAlive()
}

// TestInvalidParams: params of the wrong shape are InvalidParams for a
// request; a notification with them is logged and ignored.
func TestInvalidParams(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	page := c.uri("app/page.tsx")
	for _, tc := range []struct{ method, params string }{
		{"textDocument/hover", fmt.Sprintf(`{"textDocument":{"uri":%q},"position":"x"}`, page)},
		{"textDocument/hover", fmt.Sprintf(`{"textDocument":{"uri":%q},"position":{"line":-1,"character":0}}`, page)},
		{"textDocument/hover", `null`},
		{"textDocument/hover", ``},
		{"textDocument/hover", `[1,2]`},
		{"textDocument/codeAction", fmt.Sprintf(`{"textDocument":{"uri":%q},"range":5,"context":{}}`, page)},
		{"textDocument/codeLens", `{"textDocument":"x"}`},
		{"workspace/executeCommand", `{"command":42}`},
	} {
		var params any
		if tc.params != "" {
			params = jsonrpc2.RawMessage(tc.params)
		}
		if err := c.call(tc.method, params, nil); errorCode(err) != -32602 {
			t.Errorf("%s %s: %v (code %d), want -32602", tc.method, tc.params, err, errorCode(err))
		}
	}

	c.open("app/page.tsx")
	text := c.read("app/page.tsx")
	for _, tc := range []struct{ method, params string }{
		{"textDocument/didOpen", `{"textDocument":{"uri":"` + string(c.uri("lib/five.ts")) + `","languageId":"typescript","version":1,"text":5}}`},
		{"textDocument/didOpen", `null`},
		{"textDocument/didChange", `{"textDocument":{"uri":"` + string(page) + `","version":2},"contentChanges":{}}`},
		{"textDocument/didChange", `{"textDocument":{"uri":"` + string(page) + `","version":2},"contentChanges":[{"range":{"start":{"line":-1,"character":0},"end":{"line":0,"character":0}},"text":"x"}]}`},
		{"textDocument/didChange", `{"textDocument":{"uri":"` + string(page) + `","version":2},"contentChanges":[{"range":"x","text":"x"}]}`},
		{"textDocument/didChange", ``},
		{"textDocument/didClose", `{"textDocument":7}`},
	} {
		logs := c.logCount()
		var params any
		if tc.params != "" {
			params = jsonrpc2.RawMessage(tc.params)
		}
		c.notify(tc.method, params)
		c.waitFor("a log line about "+tc.method, func() bool {
			for _, l := range c.logs[logs:] {
				if strings.HasPrefix(l, tc.method+":") {
					return true
				}
			}
			return false
		})
	}
	st := c.settle()
	if len(st.Documents) != 1 || st.Documents[page].Text != text || st.Documents[page].Version != 1 {
		t.Errorf("documents after ignored notifications: %+v", st.Documents)
	}
	c.checkAlive()
}

// TestPositionsPastTheEnd: LSP says a character past the end of a line
// means the line's end; a line past the end means the document's end,
// and a position inside a surrogate pair means the character's start.
// Requests answer for those positions, and edits land there.
func TestPositionsPastTheEnd(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	c.open("app/page.tsx")
	page := c.read("app/page.tsx")
	line0 := strings.Split(page, "\n")[0]

	hoverAt := func(name string, line, char uint32) *lsp.Hover {
		t.Helper()
		var h *lsp.Hover
		if err := c.call("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
			TextDocument: lsp.TextDocumentIdentifier{URI: c.uri(name)}, Position: lsp.Position{Line: line, Character: char},
		}}, &h); err != nil {
			t.Fatalf("hover at %d:%d: %v", line, char, err)
		}
		return h
	}
	atEnd := hoverAt("app/page.tsx", 0, uint32(len(line0)))
	if atEnd == nil {
		t.Fatalf("no hover at the end of the import line")
	}
	if got := hoverAt("app/page.tsx", 0, 1e6); !reflect.DeepEqual(got, atEnd) {
		t.Errorf("hover past the end of line 0: %+v, want the hover at its end %+v", got, atEnd)
	}
	hoverAt("app/page.tsx", 1e6, 1e6)
	hoverAt("app/page.tsx", 4e9, 4e9)

	for _, r := range []lsp.Range{
		{Start: lsp.Position{Line: 1e6}, End: lsp.Position{Line: 1e6, Character: 1e6}},
		{Start: lsp.Position{Line: 0, Character: 1e6}, End: lsp.Position{Line: 0, Character: 1e6}},
		{Start: lsp.Position{Line: 3, Character: 1e6}, End: lsp.Position{Line: 0, Character: 0}}, // backwards
	} {
		var actions []lsp.CommandOrCodeAction
		if err := c.call("textDocument/codeAction", &lsp.CodeActionParams{TextDocument: lsp.TextDocumentIdentifier{URI: c.uri("app/page.tsx")}, Range: r}, &actions); err != nil {
			t.Errorf("codeAction at %v: %v", r, err)
		} else if len(actions) == 0 {
			t.Errorf("codeAction at %v: no actions", r)
		}
	}

	// A document with characters outside the BMP: 😀 is two UTF-16 units.
	const name = "lib/emoji.ts"
	text := "export const s = '😀'\nimport a from './😀x'\n"
	c.openText(name, text, 1)
	mid := posOf(text, "😀x", 1) // between the halves of the pair
	if h := hoverAt(name, mid.Line, mid.Character); h == nil || !reflect.DeepEqual(h, hoverAt(name, mid.Line, mid.Character-1)) {
		t.Errorf("hover inside a surrogate pair: %+v, want the hover at the character's start", h)
	}
	var actions []lsp.CommandOrCodeAction
	if err := c.call("textDocument/codeAction", &lsp.CodeActionParams{TextDocument: lsp.TextDocumentIdentifier{URI: c.uri(name)},
		Range: lsp.Range{Start: posOf(text, "😀'", 1), End: mid}}, &actions); err != nil || len(actions) == 0 {
		t.Errorf("codeAction from one surrogate pair's middle to another's: %v, %v", actions, err)
	}

	at := func(p lsp.Position) lsp.Range { return lsp.Range{Start: p, End: p} }
	for i, tc := range []struct {
		r    lsp.Range
		text string
		want string
	}{
		{at(lsp.Position{Line: 0, Character: 1e6}), "A", "export const s = '😀'A\nimport a from './😀x'\n"},
		{at(lsp.Position{Line: 1e6, Character: 5}), "B", "export const s = '😀'A\nimport a from './😀x'\nB"},
		{at(lsp.Position{Line: 1, Character: 1e6}), "C", "export const s = '😀'A\nimport a from './😀x'C\nB"},
		{at(posOf(text, "😀'", 1)), "D", "export const s = 'D😀'A\nimport a from './😀x'C\nB"},
		// From inside one pair to past the end of the next line: the pair's
		// start to that line's end.
		{lsp.Range{Start: posOf(text, "😀x", 1), End: lsp.Position{Line: 1, Character: 1e6}}, "", "export const s = 'D😀'A\nimport a from './\nB"},
		{lsp.Range{Start: lsp.Position{Line: 0, Character: 1e6}, End: lsp.Position{Line: 1e6, Character: 1e6}}, "", "export const s = 'D😀'A"},
	} {
		version := int32(i + 2)
		c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
			TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: c.uri(name)}, Version: version},
			ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangePartial{Range: tc.r, Text: tc.text}},
		})
		if got := c.state().Documents[c.uri(name)]; got.Text != tc.want || got.Version != version {
			t.Fatalf("edit %d at %v: text %q version %d, want %q version %d", i, tc.r, got.Text, got.Version, tc.want, version)
		}
	}
	var lenses []lsp.CodeLens
	c.mustCall("textDocument/codeLens", &lsp.CodeLensParams{TextDocument: lsp.TextDocumentIdentifier{URI: c.uri(name)}}, &lenses)
	c.checkAlive()
}

// posOf returns the UTF-16 position of the first sub in text, moved by
// extra UTF-16 units.
func posOf(text, sub string, extra int) lsp.Position {
	before := text[:strings.Index(text, sub)]
	line := strings.Count(before, "\n")
	col := before[strings.LastIndex(before, "\n")+1:]
	return lsp.Position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(col))) + extra)}
}

// TestUnopenedDocuments: requests for documents the client never opened
// answer from the disk, or with nothing when there is no such file, never
// with an error the editor would show.
func TestUnopenedDocuments(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	outside := uri.File(t.TempDir() + "/elsewhere.tsx")
	for _, u := range []uri.URI{c.uri("app/missing.tsx"), c.uri("lib/missing.ts"), outside, "untitled:Untitled-1", "file:relative/x.ts"} {
		var h *lsp.Hover
		if err := c.call("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
			TextDocument: lsp.TextDocumentIdentifier{URI: u}, Position: lsp.Position{Line: 0, Character: 1}}}, &h); err != nil || h != nil {
			t.Errorf("hover in %s: %+v, %v; want null", u, h, err)
		}
		var actions []lsp.CommandOrCodeAction
		if err := c.call("textDocument/codeAction", &lsp.CodeActionParams{TextDocument: lsp.TextDocumentIdentifier{URI: u}}, &actions); err != nil || len(actions) != 0 {
			t.Errorf("codeAction in %s: %v, %v; want none", u, actions, err)
		}
		var lenses []lsp.CodeLens
		if err := c.call("textDocument/codeLens", &lsp.CodeLensParams{TextDocument: lsp.TextDocumentIdentifier{URI: u}}, &lenses); err != nil || len(lenses) != 0 {
			t.Errorf("codeLens in %s: %v, %v; want none", u, lenses, err)
		}
	}
	// A file on disk that is not open: answered from the disk.
	counter := c.uri("components/counter.tsx")
	var h *lsp.Hover
	c.mustCall("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
		TextDocument: lsp.TextDocumentIdentifier{URI: counter}, Position: lsp.Position{Line: 0, Character: 3}}}, &h)
	if h == nil || !strings.Contains(h.Contents.(*lsp.MarkupContent).Value, `"use client"`) {
		t.Errorf("hover on the directive of an unopened file: %+v", h)
	}
	var actions []lsp.CommandOrCodeAction
	c.mustCall("textDocument/codeAction", &lsp.CodeActionParams{TextDocument: lsp.TextDocumentIdentifier{URI: c.uri("app/page.tsx")}}, &actions)
	if len(actions) == 0 {
		t.Errorf("no code actions for an unopened file")
	}
	c.checkAlive()
}

// TestDocumentLifecycleEdgeCases: a second didOpen replaces the document;
// notifications for documents that are not open are logged and change
// nothing; a version that goes back still applies its edits.
func TestDocumentLifecycleEdgeCases(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	trees := syntax.LiveTrees()
	counter := c.uri("components/counter.tsx")
	onDisk := c.read("components/counter.tsx")
	diskRules := c.rules("components/counter.tsx")

	// Opened twice, the second time with other text: the second wins.
	c.open("components/counter.tsx")
	noDirective := strings.Replace(onDisk, "'use client'\n", "", 1)
	c.openText("components/counter.tsx", noDirective, 5)
	if d := c.settle().Documents[counter]; d.Text != noDirective || d.Version != 5 {
		t.Errorf("after the second didOpen: version %d text %q", d.Version, d.Text)
	}
	c.waitFor("diagnostics of the second text", func() bool {
		p := c.diags[counter]
		if p == nil {
			return false
		}
		v, _ := p.Version.Get()
		return v == 5 && len(p.Diagnostics) > 0 && p.Diagnostics[0].Code == lsp.String("clientApiInServer")
	})

	// A version lower than the current one: applied, and logged.
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: counter}, Version: 3},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangePartial{Range: lsp.Range{}, Text: "'use client'\n"}},
	})
	if d := c.settle().Documents[counter]; d.Text != onDisk || d.Version != 3 {
		t.Errorf("after a lower version: version %d text %q", d.Version, d.Text)
	}
	c.waitLog("goes back from version 5 to 3")
	c.waitFor("diagnostics of version 3", func() bool {
		v, _ := c.diags[counter].Version.Get()
		return v == 3
	})

	// Closed: the disk's diagnostics return, and a late didChange for the
	// closed document does not bring the buffer's back.
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: counter}, Version: 4},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangeWholeDocument{Text: noDirective}},
	})
	c.settle()
	c.closeDoc("components/counter.tsx")
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: counter}, Version: 6},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangeWholeDocument{Text: noDirective}},
	})
	c.waitLog("didChange for " + counter.FsPath() + ", which is not open")
	c.settle()
	if got := c.rules("components/counter.tsx"); got != diskRules {
		t.Errorf("counter.tsx after close and a late didChange: %q, want the disk's %q", got, diskRules)
	}

	// Documents that were never open.
	ghost := c.uri("lib/ghost.ts")
	published := len(c.published)
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: ghost}, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangeWholeDocument{Text: "'use server'\nexport const x = 1\n"}},
	})
	c.waitLog("didChange for " + ghost.FsPath() + ", which is not open")
	c.notify("textDocument/didClose", &lsp.DidCloseTextDocumentParams{TextDocument: lsp.TextDocumentIdentifier{URI: ghost}})
	c.waitLog("didClose for " + ghost.FsPath() + ", which is not open")
	c.notify("textDocument/didSave", &lsp.DidSaveTextDocumentParams{TextDocument: lsp.TextDocumentIdentifier{URI: ghost}})
	c.notify("textDocument/didSave", &lsp.DidSaveTextDocumentParams{TextDocument: lsp.TextDocumentIdentifier{URI: c.uri("app/page.tsx")}})
	if st := c.settle(); len(st.Documents) != 0 {
		t.Errorf("open documents: %v", st.Documents)
	}
	c.mu.Lock()
	for _, p := range c.published[published:] {
		if p.URI == ghost {
			t.Errorf("diagnostics published for a document that was never open: %+v", p)
		}
	}
	c.mu.Unlock()
	if got := syntax.LiveTrees(); got != trees {
		t.Errorf("%d tree-sitter trees live, %d before the documents were opened", got, trees)
	}
	c.checkAlive()
}

// Test client helpers.

// state returns the server's session as the test hook describes it.
func (c *testClient) state() testState {
	c.t.Helper()
	var st testState
	c.mustCall("rscls/test/state", nil, &st)
	return st
}

// settle waits until the server has published the diagnostics of every
// change it received, and returns its state.
func (c *testClient) settle() testState {
	c.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		st := c.state()
		if st.Settled {
			return st
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("the diagnostics did not settle")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (c *testClient) openText(name, text string, version int32) {
	c.t.Helper()
	c.notify("textDocument/didOpen", &lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
		URI: c.uri(name), LanguageID: "typescriptreact", Version: version, Text: text,
	}})
}

func (c *testClient) closeDoc(name string) {
	c.t.Helper()
	c.notify("textDocument/didClose", &lsp.DidCloseTextDocumentParams{TextDocument: lsp.TextDocumentIdentifier{URI: c.uri(name)}})
}

func (c *testClient) logCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.logs)
}

func (c *testClient) waitLog(substr string) {
	c.t.Helper()
	c.waitFor("a log line with "+substr, func() bool {
		for _, l := range c.logs {
			if strings.Contains(l, substr) {
				return true
			}
		}
		return false
	})
}

var aliveSeq int

// checkAlive shows the server still works: a hover answers, and a
// document opened now gets its diagnostics.
func (c *testClient) checkAlive() {
	c.t.Helper()
	var h *lsp.Hover
	c.mustCall("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
		TextDocument: lsp.TextDocumentIdentifier{URI: c.uri("app/page.tsx")}, Position: lsp.Position{Line: 0, Character: 28},
	}}, &h)
	if h == nil {
		c.t.Errorf("no hover: the server does not answer as before")
	}
	aliveSeq++
	name := fmt.Sprintf("lib/alive%d.ts", aliveSeq)
	c.openText(name, "'use server'\nexport const x = 1\n", 1)
	c.waitFor("diagnostics of a new document", func() bool {
		p := c.diags[c.uri(name)]
		return p != nil && len(p.Diagnostics) == 1 && p.Diagnostics[0].Code == lsp.String("serverFileExports")
	})
	c.closeDoc(name)
}
