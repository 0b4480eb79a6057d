package protocol

import (
	"strings"
	"testing"

	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/osfs"
)

// What an editor can open in rscls besides code: the server says what it
// left out, keeps answering, and finds what it should in the rest.
func TestHostileDocuments(t *testing.T) {
	const depth = 30000
	big := "'use server'\nexport const big = 1\n" + strings.Repeat("// generated\n", 3<<20/13)
	c := newTestClient(t, map[string]string{
		"package.json": `{"dependencies":{"next":"15.0.0","react":"19.0.0"}}`,
		"app/page.tsx": "import { Panel } from '../components/panel'\nexport default function Page() { return <Panel /> }\n",
		// On disk with a byte order mark: the editor, which drops the
		// mark, must see the range where the text is.
		"components/panel.tsx": "\ufeffimport { useState } from 'react'\nexport function Panel() { useState(); return null }\n",
		"lib/big.js":           big,
	}, clientOptions{})

	c.waitFor("diagnostics of the file with a byte order mark", func() bool {
		p := c.diags[c.uri("components/panel.tsx")]
		return p != nil && len(p.Diagnostics) == 1
	})
	d := c.diagnostics("components/panel.tsx").Diagnostics[0]
	if d.Code != lsp.String("clientApiInServer") || d.Range.Start != (lsp.Position{Line: 0, Character: 9}) {
		t.Errorf("diagnostic %v at %v, want clientApiInServer at 0:9 (useState, the mark not counted)", d.Code, d.Range.Start)
	}
	c.waitLog("lib/big.js: skipped: larger than 2 MB")

	// A file that grows over 2 MB in the editor (a paste, a generated
	// bundle): its old diagnostics go, and requests on it still answer.
	c.openText("lib/grow.ts", "'use server'\nexport const x = 1\n", 1)
	c.waitFor("the diagnostic of the small file", func() bool {
		p := c.diags[c.uri("lib/grow.ts")]
		return p != nil && len(p.Diagnostics) == 1
	})
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: c.uri("lib/grow.ts")}, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangeWholeDocument{Text: big}},
	})
	c.waitFor("no diagnostics for the file now over 2 MB", func() bool {
		p := c.diags[c.uri("lib/grow.ts")]
		return p != nil && len(p.Diagnostics) == 0
	})
	c.waitLog("lib/grow.ts: skipped: larger than 2 MB")
	var h *lsp.Hover
	c.mustCall("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
		TextDocument: lsp.TextDocumentIdentifier{URI: c.uri("lib/grow.ts")}, Position: lsp.Position{Line: 1, Character: 14},
	}}, &h)

	// NUL characters (a binary file opened as text): skipped with a note.
	c.openText("lib/binary.ts", "'use server'\x00\x01export const x = 1\n", 1)
	c.waitLog("lib/binary.ts: skipped: binary file")

	// 30,000 levels of nesting, with the mistake at the bottom.
	deepText := "export default function Deep() {\n  return " + strings.Repeat("<div>", depth) +
		"\n<button onClick={() => 1}>x</button>\n" + strings.Repeat("</div>", depth) + "\n}\n"
	c.openText("app/deep/page.tsx", deepText, 1)
	c.waitFor("the finding at the bottom of the nesting", func() bool {
		p := c.diags[c.uri("app/deep/page.tsx")]
		return p != nil && len(p.Diagnostics) == 1 && p.Diagnostics[0].Code == lsp.String("eventHandlerInServer")
	})
	if got := c.diagnostics("app/deep/page.tsx").Diagnostics[0].Range.Start; got.Line != 2 {
		t.Errorf("the event handler is reported on line %d, want 2", got.Line)
	}
	c.mustCall("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
		TextDocument: lsp.TextDocumentIdentifier{URI: c.uri("app/deep/page.tsx")}, Position: lsp.Position{Line: 2, Character: 10},
	}}, &h)

	// CRLF line ends, edited in place: ranges count lines as the editor
	// does.
	c.openText("lib/actions.ts", "'use server'\r\nexport async function ok() {}\r\n", 1)
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument: lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: c.uri("lib/actions.ts")}, Version: 2},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangePartial{
			Range: lsp.Range{Start: lsp.Position{Line: 1, Character: 7}, End: lsp.Position{Line: 1, Character: 13}}, Text: "",
		}},
	})
	c.waitFor("the CRLF file's finding", func() bool {
		p := c.diags[c.uri("lib/actions.ts")]
		return p != nil && len(p.Diagnostics) == 1
	})
	if got := c.diagnostics("lib/actions.ts").Diagnostics[0].Range.Start; got != (lsp.Position{Line: 1, Character: 16}) {
		t.Errorf("the sync export after the edit is at %v, want 1:16", got)
	}
	c.checkAlive()
}

// panicFS panics when a file whose path ends in suffix is read: a bug
// deep in the analysis.
type panicFS struct {
	vfs.FS
	suffix string
}

func (p panicFS) ReadFile(path string) ([]byte, error) {
	if strings.HasSuffix(path, p.suffix) {
		panic("a bug in rscls")
	}
	return p.FS.ReadFile(path)
}

// A bug that panics while the workspace is analyzed is logged and shown
// as the status; the server still answers, and exits as asked.
func TestPanicInTheAnalysis(t *testing.T) {
	c := startRawFS(t, map[string]string{
		"package.json": `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx": "export default function Page() { return null }\n",
	}, panicFS{FS: osfs.FS{}, suffix: "/package.json"})
	root := uri.File(c.root)
	if r := c.call("initialize", map[string]any{
		"processId": nil, "rootUri": root, "capabilities": map[string]any{},
		"workspaceFolders": []map[string]any{{"uri": root, "name": "test"}},
	}); r.Error != nil {
		t.Fatalf("initialize: %s", r.raw)
	}
	c.notify("initialized", map[string]any{})
	c.waitNote("rscls/status", func(m rawMsg) bool { return strings.Contains(string(m.Params), `"error"`) })
	c.waitNote("window/logMessage", func(m rawMsg) bool {
		return strings.Contains(string(m.Params), "internal error analyzing the workspace: a bug in rscls")
	})
	page := c.uri("app/page.tsx")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": page, "languageId": "typescriptreact", "version": 1, "text": "export default function Page() { return null }\n"}})
	if r := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": page}, "position": map[string]any{"line": 0, "character": 5}}); r.Error != nil {
		t.Errorf("hover after the panic: %s", r.raw)
	}
	if r := c.call("shutdown", nil); r.Error != nil {
		t.Fatalf("shutdown: %s", r.raw)
	}
	c.notify("exit", nil)
	if code := c.exitCode(); code != 0 {
		t.Errorf("exit code %d after shutdown", code)
	}
	c.waitGone()
}

// halfTypedJSX is a text that tree-sitter's TSX grammar does not finish
// parsing on its own (half-typed JSX, as an editor sends all day).
const halfTypedJSX = " <A A\"{{:1,:{:[2]}}}s={{:(1}}e={)}g={''}d={''}/>"

// A file whose parse does not end is cut at its budget: the rest of the
// workspace is published, the status says a file was left out, and an
// open document typed into such a text is analyzed again on its next edit.
func TestUnendingParse(t *testing.T) {
	c := newTestClient(t, map[string]string{
		"package.json":        `{"dependencies":{"next":"15.0.0","react":"19.0.0"}}`,
		"app/page.tsx":        "import { useState } from 'react'\nexport default function Page() { useState(); return null }\n",
		"app/stuck/page.tsx":  halfTypedJSX,
		"app/broken/page.tsx": "'use clinet'\nexport default function P() { return null }\n",
		"lib/data.tsx":        "import { useState } from 'react'\nexport function data() { useState() }\n",
	}, clientOptions{})
	c.waitFor("the broken page's diagnostic", func() bool {
		p := c.diags[c.uri("app/broken/page.tsx")]
		return p != nil && len(p.Diagnostics) == 1 && p.Diagnostics[0].Code == lsp.String("misspelledDirective")
	})
	c.waitLog("app/stuck/page.tsx: skipped: parse exceeded its time budget (1s for 48 bytes)")
	c.waitFor("ready, with the file left out", func() bool {
		for _, s := range c.statuses {
			if s == "ready: 1 file not analyzed; the log says why" {
				return true
			}
		}
		return false
	})

	// An open document edited into such a text loses its findings until
	// its next edit; the rest of the workspace goes on.
	c.open("lib/data.tsx")
	c.change("lib/data.tsx", "'use server'\nexport const x = 1\n")
	c.waitFor("the finding of the open document", func() bool {
		p := c.diags[c.uri("lib/data.tsx")]
		return p != nil && len(p.Diagnostics) == 1
	})
	c.change("lib/data.tsx", halfTypedJSX)
	c.waitFor("no findings for the text that overran", func() bool {
		p := c.diags[c.uri("lib/data.tsx")]
		return p != nil && len(p.Diagnostics) == 0
	})
	c.waitLog("lib/data.tsx: skipped until its next edit: parse exceeded its time budget")
	c.checkAlive()
	if p := c.diagnostics("app/broken/page.tsx"); len(p.Diagnostics) != 1 {
		t.Errorf("the broken page lost its finding: %v", p.Diagnostics)
	}
	c.change("lib/data.tsx", "'use server'\nexport const y = 2\n")
	c.waitFor("the finding of the next edit", func() bool {
		p := c.diags[c.uri("lib/data.tsx")]
		return p != nil && len(p.Diagnostics) == 1 && p.Diagnostics[0].Code == lsp.String("serverFileExports")
	})
}
