package protocol

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	lsp "go.lsp.dev/protocol"

	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/osfs"
)

// gatedFS holds every read of a file whose path ends in suffix until
// open is called: an index that cannot finish.
type gatedFS struct {
	vfs.FS
	suffix string
	gate   chan struct{}
	once   sync.Once
}

func (g *gatedFS) ReadFile(path string) ([]byte, error) {
	if strings.HasSuffix(path, g.suffix) {
		<-g.gate
	}
	return g.FS.ReadFile(path)
}

func (g *gatedFS) open() { g.once.Do(func() { close(g.gate) }) }

// While the workspace indexes, an opened document gets its own checks'
// diagnostics at once, and its graph findings only with the complete
// index, added to what was published, never withdrawing it. Progress
// counts files.
func TestOpenDocumentWhileIndexing(t *testing.T) {
	files := map[string]string{
		"package.json":           `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx":           "import { Counter } from '../components/counter'\nexport default function Page() { return <Counter /> }\n",
		"components/counter.tsx": "'use clinet'\nimport { useState } from 'react'\nexport function Counter() { const [n] = useState(0); return n }\n",
		"lib/gate.ts":            "export const gate = 1\n",
	}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("lib/util%d.ts", i)] = fmt.Sprintf("export const u%d = %d\n", i, i)
	}
	fsys := &gatedFS{FS: osfs.FS{}, suffix: "/lib/gate.ts", gate: make(chan struct{})}
	t.Cleanup(fsys.open)
	c := newTestClient(t, files, clientOptions{fs: fsys, noWait: true})
	ready := c.readyCount()
	u := c.uri("components/counter.tsx")
	c.notify("textDocument/didOpen", &lsp.DidOpenTextDocumentParams{TextDocument: lsp.TextDocumentItem{
		URI: u, LanguageID: "typescriptreact", Version: 1, Text: c.read("components/counter.tsx"),
	}})
	// The misspelt directive, a file check, comes while the index waits
	// at the gate; the hook, a graph check, does not.
	c.waitFor("the document's own diagnostics", func() bool { return c.diags[u] != nil })
	if got := c.rules("components/counter.tsx"); got != "1:misspelledDirective" {
		t.Errorf("while indexing: %q, want 1:misspelledDirective alone", got)
	}
	if c.readyCount() != ready {
		t.Fatalf("the index finished with a file held back")
	}
	fsys.open()
	c.waitReady(ready)
	c.waitFor("the graph findings", func() bool { return len(c.diags[u].Diagnostics) == 2 })
	if got := c.rules("components/counter.tsx"); got != "1:misspelledDirective 2:clientApiInServer" {
		t.Errorf("indexed: %q, want the directive and the hook", got)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Every publication of the document holds what the one before held.
	var prev []string
	for _, p := range c.published {
		if p.URI != u {
			continue
		}
		var now []string
		for _, d := range p.Diagnostics {
			now = append(now, fmt.Sprint(d.Code, d.Range.Start.Line))
		}
		for _, d := range prev {
			if !strings.Contains(strings.Join(now, "|"), d) {
				t.Errorf("%s published, then withdrawn: %v after %v", d, now, prev)
			}
		}
		prev = now
	}
	// Progress counts the workspace's files, up to all of them.
	re := regexp.MustCompile(`^(\d+)/(\d+) files$`)
	last := ""
	for _, m := range c.progress {
		if re.MatchString(m) {
			last = m
		}
	}
	if n := len(files) - 1; last != fmt.Sprintf("%d/%d files", n, n) {
		t.Errorf("last progress report %q, want %d/%d files; all: %q", last, n, n, c.progress)
	}
}
