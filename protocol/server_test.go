package protocol

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/engine"
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
	c.waitFor("the watcher registration", func() bool { return strings.Contains(strings.Join(c.methods, " "), "client/registerCapability") })
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.statuses) < 2 || c.statuses[0] != "indexing" || c.statuses[len(c.statuses)-1] != "ready" {
		t.Errorf("statuses %v", c.statuses)
	}
	// Indexing is reported as work-done progress: create, begin ... end.
	seq := strings.Join(c.methods, " ")
	create := strings.Index(seq, "window/workDoneProgress/create")
	progress := strings.Index(seq, "$/progress")
	if create < 0 || progress < create {
		t.Errorf("no progress reporting in %q", seq)
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
	// Wrong parameter types are InvalidParams, not a crash (more in
	// TestInvalidParams).
	if err := c.call("textDocument/hover", map[string]any{"textDocument": 42}, nil); errorCode(err) != -32602 {
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

func TestConfigurationChange(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	if got := c.rules("app/page.tsx"); got != "4:nonSerializableProp" {
		t.Fatalf("before: %q", got)
	}
	ready := c.readyCount()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"rscls": map[string]any{"rules": map[string]string{"nonSerializableProp": "off"}}}})
	c.waitReady(ready)
	c.waitFor("page.tsx to clear", func() bool { p := c.diags[c.uri("app/page.tsx")]; return p != nil && len(p.Diagnostics) == 0 })

	// A bad setting is reported in the log, and the rest still applies.
	ready = c.readyCount()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"rules": map[string]string{"nonSerializableProp": "warning", "noSuchRule": "off"}}})
	c.waitReady(ready)
	c.waitFor("the warning", func() bool {
		p := c.diags[c.uri("app/page.tsx")]
		return p != nil && len(p.Diagnostics) == 1 && p.Diagnostics[0].Severity == lsp.DiagnosticSeverityWarning
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	found := false
	for _, l := range c.logs {
		if strings.Contains(l, `unknown rule "noSuchRule"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("the unknown rule was not reported; logs: %q", c.logs)
	}
}

func TestWatchedFilesAndFolders(t *testing.T) {
	c := newTestClient(t, crossFile, clientOptions{})
	// A file created outside the editor, then reported by the client.
	writeFile(t, c.root, "lib/actions.ts", "'use server'\nexport const x = 1\n")
	ready := c.readyCount()
	c.notify("workspace/didChangeWatchedFiles", &lsp.DidChangeWatchedFilesParams{Changes: []lsp.FileEvent{{URI: c.uri("lib/actions.ts"), Type: lsp.FileChangeTypeCreated}}})
	c.waitReady(ready)
	if got := c.rules("lib/actions.ts"); got != "2:serverFileExports" {
		t.Errorf("created file: %q", got)
	}

	// A second folder, then its removal clears what was published for it.
	other := t.TempDir()
	writeFile(t, other, "package.json", `{"dependencies":{"next":"15.0.0"}}`)
	writeFile(t, other, "lib/a.ts", "'use server'\nexport const y = 2\n")
	otherURI := uri.File(other)
	ready = c.readyCount()
	c.notify("workspace/didChangeWorkspaceFolders", &lsp.DidChangeWorkspaceFoldersParams{Event: lsp.WorkspaceFoldersChangeEvent{Added: []lsp.WorkspaceFolder{{URI: otherURI, Name: "other"}}}})
	c.waitReady(ready)
	fileURI := uri.File(filepath.Join(other, "lib", "a.ts"))
	c.waitFor("the other folder's diagnostics", func() bool { p := c.diags[fileURI]; return p != nil && len(p.Diagnostics) == 1 })
	c.notify("workspace/didChangeWorkspaceFolders", &lsp.DidChangeWorkspaceFoldersParams{Event: lsp.WorkspaceFoldersChangeEvent{Removed: []lsp.WorkspaceFolder{{URI: otherURI, Name: "other"}}}})
	c.waitFor("the removed folder's diagnostics to clear", func() bool { p := c.diags[fileURI]; return p != nil && len(p.Diagnostics) == 0 })
}

func writeFile(t *testing.T, root, name, content string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDiagnosticTags: a diagnostic carries its analyzer's tags.
func TestDiagnosticTags(t *testing.T) {
	c := newTestClient(t, map[string]string{
		"package.json":     `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx":     "import { A } from '../components/a'\n\nexport default function Page() {\n  return <A />\n}\n",
		"components/a.tsx": "'use client'\nimport { useState } from 'react'\nimport { B } from './b'\n\nexport function A() {\n  const [n] = useState(0)\n  return <B n={n} />\n}\n",
		"components/b.tsx": "'use client'\n\nexport function B({ n }: { n: number }) {\n  return <b>{n}</b>\n}\n",
		"components/c.tsx": "'use server'\nexport const x = 1\n",
	}, clientOptions{})
	tagged := func(name string) string {
		p := c.diagnostics(name)
		if p == nil || len(p.Diagnostics) != 1 {
			t.Fatalf("%s: diagnostics %v", name, p)
		}
		d := p.Diagnostics[0]
		code, _ := d.Code.(lsp.String)
		return fmt.Sprintf("%s %v", code, d.Tags.Slice())
	}
	if got, want := tagged("components/b.tsx"), "unnecessaryUseClient [1]"; got != want {
		t.Errorf("b.tsx: %s, want %s (DiagnosticTagUnnecessary)", got, want)
	}
	if got, want := tagged("components/c.tsx"), "serverFileExports []"; got != want {
		t.Errorf("c.tsx: %s, want %s", got, want)
	}
}

// memoryCache is a FolderCache in memory.
type memoryCache struct {
	mu           sync.Mutex
	entries      map[[32]byte]*engine.CachedFile
	saves        int
	hits, misses int
}

func (m *memoryCache) Get(key [32]byte) (*engine.CachedFile, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.entries[key]
	if ok {
		m.hits++
	} else {
		m.misses++
	}
	return v, ok
}

func (m *memoryCache) Put(key [32]byte, v *engine.CachedFile) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.entries[key]; ok && old.Facts != nil && v.Facts == nil {
		return // as engine.Cache asks
	}
	m.entries[key] = v
}

func (m *memoryCache) Save() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.saves++
	return nil
}

func (m *memoryCache) Counts() (int, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hits, m.misses
}

// TestCacheFromTheBinary: the server analyzes a folder through the cache
// its binary hands it, saves it, and a second server reuses it.
func TestCacheFromTheBinary(t *testing.T) {
	cache := &memoryCache{entries: map[[32]byte]*engine.CachedFile{}}
	var folders []string
	open := func(folder string) FolderCache {
		folders = append(folders, folder)
		return cache
	}
	c := newTestClient(t, crossFile, clientOptions{cache: open})
	if got, want := c.rules("app/page.tsx"), "4:nonSerializableProp"; got != want {
		t.Errorf("cold: page.tsx %q, want %q", got, want)
	}
	cache.mu.Lock()
	if len(folders) != 1 || folders[0] != c.root || cache.saves != 1 || cache.hits != 0 || len(cache.entries) != 2 {
		t.Errorf("cold run: folders %q, %d saves, %d hits, %d entries", folders, cache.saves, cache.hits, len(cache.entries))
	}
	cache.hits, cache.misses = 0, 0
	cache.mu.Unlock()
	c2 := newTestClient(t, crossFile, clientOptions{cache: open})
	if got, want := c2.rules("app/page.tsx"), "4:nonSerializableProp"; got != want {
		t.Errorf("warm: page.tsx %q, want %q", got, want)
	}
	// The second server's folder is another temporary directory, so the
	// keys (which cover the files' paths relative to the folder) still match.
	if hits, misses := cache.Counts(); hits != 2 || misses != 0 {
		t.Errorf("warm run: %d hits, %d misses", hits, misses)
	}
}
