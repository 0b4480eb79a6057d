package protocol

import (
	"regexp"
	"strings"
	"sync"
	"testing"

	lsp "go.lsp.dev/protocol"

	"github.com/rscls/rscls/analysis/textpos"
)

// TestRequestsDuringEdits hammers hover, code lens and code actions from
// several goroutines while edits flip 'use client' on and off in a module
// that a page renders, and analyses of the workspace come and go. Every
// request must answer without error from the snapshot it started on;
// under go test -race any state a request shares with the edits or the
// analysis loop shows up. At the end, the diagnostics equal a fresh
// server's on the same texts.
func TestRequestsDuringEdits(t *testing.T) {
	project := map[string]string{}
	for name, text := range loadProject {
		project[name] = text
	}
	// A 'use client' barrel: hovering <Button> follows its re-export.
	project["components/ui/index.ts"] = "'use client'\nexport { Button } from './button'\nexport * from './card'\n"
	project["components/ui/button.tsx"] = "export function Button({ label }: { label: string }) {\n  return <button>{label}</button>\n}\n"
	project["components/ui/card.tsx"] = "export function Card() {\n  return <div />\n}\n"
	project["app/page.tsx"] = strings.Replace(strings.Replace(loadProject["app/page.tsx"],
		"import { format } from '../lib/format'\n", "import { format } from '../lib/format'\nimport { Button, Card } from '../components/ui'\n", 1),
		"    <main>\n", "    <main>\n      <Button label={label} /><Card />\n", 1)
	files := append([]string{"components/ui/index.ts"}, loadFiles...)
	c := newTestClient(t, project, clientOptions{noProgress: true, settings: `{"diagnosticsDelay": 0}`})
	c.open(files...)
	c.settle()
	counter := project["components/counter.tsx"]
	withoutDirective := strings.Replace(counter, "'use client'\n", "", 1)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []string
	requests := 0
	fail := func(format string, err error) {
		mu.Lock()
		defer mu.Unlock()
		errs = append(errs, format+": "+err.Error())
	}
	// Each goroutine asks about some words of a file: every word of its
	// first lines (directives, import sources), or the page's JSX tags
	// only, whose hover follows the barrel's re-exports; several
	// goroutines ask the same, so that requests also meet each other.
	everyWord := regexp.MustCompile(`\b\w`)
	tags := regexp.MustCompile(`<[A-Z]`)
	for _, job := range []struct {
		name  string
		words *regexp.Regexp
	}{
		{"app/page.tsx", tags}, {"app/page.tsx", tags}, {"app/page.tsx", tags}, {"app/page.tsx", everyWord},
		{"components/counter.tsx", everyWord}, {"components/ui/index.ts", everyWord}, {"lib/actions.ts", everyWord},
	} {
		u := c.uri(job.name)
		var positions []lsp.Position
		m := textpos.NewMapper([]byte(project[job.name]))
		for _, loc := range job.words.FindAllStringIndex(project[job.name], -1) {
			if line, char := m.Position(loc[0]+1, textpos.UTF16); line < 16 {
				positions = append(positions, lsp.Position{Line: uint32(line), Character: uint32(char)})
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := lsp.TextDocumentIdentifier{URI: u}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				pos := positions[i%len(positions)]
				var hover *lsp.Hover
				if err := c.call("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{TextDocument: doc, Position: pos}}, &hover); err != nil {
					fail("hover", err)
				}
				var lenses []lsp.CodeLens
				if err := c.call("textDocument/codeLens", &lsp.CodeLensParams{TextDocument: doc}, &lenses); err != nil {
					fail("codeLens", err)
				}
				var actions []lsp.CommandOrCodeAction
				if err := c.call("textDocument/codeAction", &lsp.CodeActionParams{TextDocument: doc, Range: lsp.Range{Start: lsp.Position{}, End: pos}}, &actions); err != nil {
					fail("codeAction", err)
				}
				mu.Lock()
				requests += 3
				mu.Unlock()
			}
		}()
	}
	text := counter
	done := func() int {
		mu.Lock()
		defer mu.Unlock()
		return requests
	}
	// Flip until the requests have had their share of the edits.
	for i := 0; i < 40 || i < 400 && done() < 600; i++ {
		if i%2 == 0 {
			text = withoutDirective
		} else {
			text = counter
		}
		c.changeNoWait("components/counter.tsx", text)
		if i%8 == 7 {
			c.settle() // let whole analyses finish now and then, under the requests
		}
	}
	if text != counter {
		text = counter
		c.changeNoWait("components/counter.tsx", text)
	}
	c.settle()
	close(stop)
	wg.Wait()
	for _, e := range errs {
		t.Error(e)
	}
	if requests < 30 {
		t.Errorf("only %d requests ran during the edits", requests)
	}

	fresh := newTestClient(t, project, clientOptions{noProgress: true})
	for _, name := range files {
		t := project[name]
		if name == "components/counter.tsx" {
			t = text
		}
		fresh.openText(name, t, 1)
	}
	fresh.settle()
	compareDiags(t, "after the edits", c.snapshotDiags(), fresh.snapshotDiags())
}

// changeNoWait replaces a document's text without waiting for its
// diagnostics.
func (c *testClient) changeNoWait(name, text string) {
	c.t.Helper()
	u := c.uri(name)
	c.mu.Lock()
	c.versions[u]++
	v := c.versions[u]
	c.mu.Unlock()
	c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
		TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: u}, Version: v},
		ContentChanges: []lsp.TextDocumentContentChangeEvent{&lsp.TextDocumentContentChangeWholeDocument{Text: text}},
	})
}
