package protocol

import (
	"strings"
	"testing"

	lsp "go.lsp.dev/protocol"
)

var crossFile = map[string]string{
	"package.json":           `{"dependencies":{"next":"15.0.0"}}`,
	"app/page.tsx":           "import { Counter } from '../components/counter'\n\nexport default function Page() {\n  return <Counter onChange={() => 1} />\n}\n",
	"components/counter.tsx": "'use client'\nimport { useState } from 'react'\n\nexport function Counter({ onChange }: { onChange?: () => void }) {\n  const [n] = useState(0)\n  return <b onClick={onChange}>{n}</b>\n}\n",
}

func TestStartupPublishesWorkspace(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	// Closed files get diagnostics too.
	if got, want := c.rules("app/page.tsx"), "4:nonSerializableProp"; got != want {
		t.Errorf("page.tsx: %q, want %q", got, want)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.statuses) < 2 || c.statuses[0] != "indexing" || c.statuses[len(c.statuses)-1] != "ready" {
		t.Errorf("statuses %v", c.statuses)
	}
}

// TestEditRediagnosesOtherFiles flips 'use client' in one module and
// watches diagnostics appear and clear in another, with versions.
func TestEditRediagnosesOtherFiles(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	c.open("app/page.tsx", "components/counter.tsx")
	if got := c.rules("app/page.tsx"); got != "4:nonSerializableProp" {
		t.Fatalf("page.tsx before: %q", got)
	}
	if p := c.diagnostics("app/page.tsx"); !p.Version.IsZero() {
		if v, _ := p.Version.Get(); v != 1 {
			t.Errorf("page.tsx published for version %d, want 1", v)
		}
	}

	// Without 'use client' the counter is a Server Component: the prop is
	// fine, the hook and the handler are not.
	noDirective := strings.Replace(crossFile["components/counter.tsx"], "'use client'\n", "", 1)
	v := c.change("components/counter.tsx", noDirective)
	c.waitFor("page.tsx to clear", func() bool { p := c.diags[c.uri("app/page.tsx")]; return p != nil && len(p.Diagnostics) == 0 })
	// onClick={onChange} passes a prop through: not reported.
	if got, want := c.rules("components/counter.tsx"), "1:clientApiInServer"; got != want {
		t.Errorf("counter.tsx after removing the directive: %q, want %q", got, want)
	}
	if p := c.diagnostics("components/counter.tsx"); p.Version.IsZero() {
		t.Errorf("counter.tsx published without a version")
	} else if got, _ := p.Version.Get(); got != v {
		t.Errorf("counter.tsx published for version %d, want %d", got, v)
	}
	if p := c.diagnostics("app/page.tsx"); p.Version.IsZero() {
		t.Errorf("page.tsx cleared without its version")
	}

	// Put it back: everything returns.
	c.change("components/counter.tsx", crossFile["components/counter.tsx"])
	c.waitFor("page.tsx to be reported again", func() bool {
		p := c.diags[c.uri("app/page.tsx")]
		return p != nil && len(p.Diagnostics) == 1
	})
	// The function-typed prop now crosses from a Server Component: a warning.
	if got, want := c.rules("components/counter.tsx"), "4:clientEntryProps"; got != want {
		t.Errorf("counter.tsx after restoring: %q, want %q", got, want)
	}
}

func TestRequestsThatMustNotBreakTheServer(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})

	// A slow request is cancelled with -32800, and later requests still run.
	ctx, cancel := contextWithTimeout()
	defer cancel()
	done := make(chan error, 1)
	id := c.calls.Add(1)
	go func() {
		_, err := c.conn.Call(ctx, "rscls/test/sleep", nil, nil)
		done <- err
	}()
	waitBriefly()
	c.notify("$/cancelRequest", &lsp.CancelParams{ID: lsp.Integer(id)})
	if err := <-done; errorCode(err) != -32800 {
		t.Errorf("cancelled request: %v (code %d), want -32800", err, errorCode(err))
	}

	// An unknown method is MethodNotFound.
	if err := c.call("rscls/nope", nil, nil); errorCode(err) != -32601 {
		t.Errorf("unknown method: %v", err)
	}
	// Wrong parameter types are InvalidParams or ParseError, not a crash.
	if err := c.call("textDocument/hover", map[string]any{"textDocument": 42}, nil); errorCode(err) != -32602 && errorCode(err) != -32700 {
		t.Errorf("bad params: %v", err)
	}
	// A panicking handler answers InternalError and the server lives on.
	if err := c.call("rscls/test/panic", nil, nil); errorCode(err) != -32603 {
		t.Errorf("panic: %v", err)
	}
	var hover *lsp.Hover
	c.open("app/page.tsx")
	c.mustCall("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
		TextDocument: lsp.TextDocumentIdentifier{URI: c.uri("app/page.tsx")}, Position: lsp.Position{Line: 0, Character: 28},
	}}, &hover)
	if hover == nil {
		t.Errorf("no hover after the failures")
	}
}

func TestShutdownAndExit(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	c.mustCall("shutdown", nil, nil)
	if err := c.call("textDocument/hover", &lsp.HoverParams{}, nil); errorCode(err) != -32600 {
		t.Errorf("request after shutdown: %v, want InvalidRequest", err)
	}
	c.notify("exit", nil)
	if code := <-c.exit; code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	c.notify("exit", nil)
	if code := <-c.exit; code != 1 {
		t.Errorf("exit code %d without shutdown, want 1", code)
	}
}
