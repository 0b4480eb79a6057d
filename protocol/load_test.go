package protocol

import (
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis/syntax"
)

// loadProject is a small App Router project whose files mix directives,
// client hooks, Server Functions and characters of every UTF-8 length.
var loadProject = map[string]string{
	"package.json":   `{"dependencies":{"next":"15.0.0","react":"19.0.0"}}`,
	"app/layout.tsx": "export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html><body>{children}</body></html>\n}\n",
	"app/page.tsx": `import { Counter } from '../components/counter'
import { Panel } from '../components/panel'
import { save } from '../lib/actions'
import { format } from '../lib/format'

export default async function Page() {
  const label = format('Ünïcödé 😀 title')
  return (
    <main>
      <Counter onChange={() => 1} label={label} />
      <Panel title="面板" action={save} />
    </main>
  )
}
`,
	"components/counter.tsx": `'use client'
import { useState } from 'react'

export function Counter({ onChange, label }: { onChange?: () => void; label: string }) {
  const [n, setN] = useState(0)
  return <button onClick={() => { setN(n + 1); onChange?.() }}>{label} {n} ✓</button>
}
`,
	"components/panel.tsx": `import { useEffect } from 'react'

export function Panel({ title, action }: { title: string; action: () => Promise<void> }) {
  return (
    <section>
      <h2>{title} — 𝒳</h2>
      <form action={action}><button>Save</button></form>
    </section>
  )
}
`,
	"lib/actions.ts": `'use server'

export async function save() {
  console.log('saved ✔')
}

export const version = 1
`,
	"lib/format.ts": "export function format(s: string): string {\n  return s.trim() + ' · done'\n}\n",
}

var loadFiles = []string{"app/page.tsx", "components/counter.tsx", "components/panel.tsx", "lib/actions.ts", "lib/format.ts"}

const (
	loadEdits = 5000
	loadSeed  = 20240611
)

// TestRapidIncrementalEdits sends thousands of incremental edits to several
// documents without waiting, then checks that no edit was lost or
// reordered: the server's texts equal the same edits applied here, and
// the diagnostics it published last equal those of a fresh server that
// opens the final texts. Closing the documents then frees every
// tree-sitter tree they held.
func TestRapidIncrementalEdits(t *testing.T) {
	c := newTestClient(t, loadProject, clientOptions{noProgress: true})
	startup := c.snapshotDiags()
	treesBefore := syntax.LiveTrees()
	heapBefore := heapInUse()

	texts := map[string][]rune{}
	versions := map[string]int32{}
	for _, name := range loadFiles {
		texts[name] = []rune(loadProject[name])
		versions[name] = 1
	}
	c.open(loadFiles...)
	c.settle()
	if got := syntax.LiveTrees() - treesBefore; got != int64(len(loadFiles)) {
		t.Errorf("%d live trees for %d open documents", got, len(loadFiles))
	}

	start := time.Now()
	r := rand.New(rand.NewPCG(loadSeed, 1))
	for sent := 0; sent < loadEdits; {
		name := loadFiles[r.IntN(len(loadFiles))]
		// Now and then several changes in one notification, applied in
		// order as the specification says.
		n := 1
		if r.IntN(10) == 0 {
			n = 2 + r.IntN(3)
		}
		var changes []lsp.TextDocumentContentChangeEvent
		for i := 0; i < n && sent < loadEdits; i++ {
			start, end, text := randomEdit(r, name, texts[name])
			changes = append(changes, &lsp.TextDocumentContentChangePartial{
				Range: lsp.Range{Start: utf16Pos(texts[name], start), End: utf16Pos(texts[name], end)},
				Text:  text,
			})
			texts[name] = append(append(append([]rune(nil), texts[name][:start]...), []rune(text)...), texts[name][end:]...)
			sent++
		}
		versions[name] += 1 + int32(r.IntN(3)) // versions increase, not always by one
		c.notify("textDocument/didChange", &lsp.DidChangeTextDocumentParams{
			TextDocument:   lsp.VersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: c.uri(name)}, Version: versions[name]},
			ContentChanges: changes,
		})
	}
	st := c.settle()
	elapsed := time.Since(start)

	for _, name := range loadFiles {
		d, ok := st.Documents[c.uri(name)]
		if !ok {
			t.Fatalf("%s is not open", name)
		}
		if want := string(texts[name]); d.Text != want {
			t.Errorf("%s: the server's text differs from the edits applied in order\n--- server ---\n%s\n--- edits ---\n%s", name, d.Text, want)
		}
		if d.Version != versions[name] {
			t.Errorf("%s: version %d, want %d", name, d.Version, versions[name])
		}
	}

	// A fresh server with the final texts open.
	fresh := newTestClient(t, loadProject, clientOptions{noProgress: true})
	for _, name := range loadFiles {
		fresh.openText(name, string(texts[name]), versions[name])
	}
	fresh.settle()
	got, want := c.snapshotDiags(), fresh.snapshotDiags()
	compareDiags(t, "after the edits", got, want)
	opened := 0
	for _, name := range loadFiles {
		if len(want[name]) > 0 {
			opened++
		}
	}
	if opened < 3 {
		t.Errorf("only %d of the edited files have diagnostics at the end: the comparison shows little", opened)
	}

	for _, name := range loadFiles {
		c.closeDoc(name)
		fresh.closeDoc(name)
	}
	if st := c.settle(); len(st.Documents) != 0 {
		t.Errorf("%d documents still open after closing them all", len(st.Documents))
	}
	fresh.settle()
	// Closed, every file is diagnosed from the disk again, as at startup.
	compareDiags(t, "after closing", c.snapshotDiags(), startup)
	trees := syntax.LiveTrees()
	if trees != treesBefore {
		t.Errorf("%d tree-sitter trees live after closing, %d before opening", trees, treesBefore)
	}
	heapAfter := heapInUse()
	if grown := int64(heapAfter) - int64(heapBefore); grown > 64<<20 {
		t.Errorf("the heap grew by %d MiB over the edits", grown>>20)
	}
	c.mu.Lock()
	publications := len(c.published)
	c.mu.Unlock()
	t.Logf("%d edits over %d files (seed %d) applied and diagnosed in %s; %d publications; live trees %d before, %d open, %d after; heap %d KiB before, %d KiB after",
		loadEdits, len(loadFiles), loadSeed, elapsed.Round(time.Millisecond), publications, treesBefore, treesBefore+int64(len(loadFiles)), trees, heapBefore>>10, heapAfter>>10)
}

// randomEdit returns an edit of text as a rune range and its replacement:
// directives flipped, client hook imports added and removed, hook calls,
// multi-byte and astral characters, deletions across lines.
func randomEdit(r *rand.Rand, name string, text []rune) (start, end int, insert string) {
	s := string(text)
	lineStarts := []int{0}
	for i, ch := range text {
		if ch == '\n' && i+1 < len(text) {
			lineStarts = append(lineStarts, i+1)
		}
	}
	randomLine := func(limit int) int { return lineStarts[r.IntN(min(limit, len(lineStarts)))] }
	op := r.IntN(12)
	switch {
	case r.IntN(15) == 0:
		// Back to the original, in one ranged edit: random edits pile up
		// into text with little left to diagnose.
		return 0, len(text), loadProject[name]
	case len(text) > 3000:
		op = 9 // too long: delete
	case len(text) < 80:
		op = r.IntN(4) // too short: insert
	}
	switch op {
	case 0, 1, 2: // flip the directive
		for _, d := range []string{"'use client'\n", "'use server'\n"} {
			if strings.HasPrefix(s, d) {
				return 0, len([]rune(d)), ""
			}
		}
		if strings.HasSuffix(name, ".ts") && r.IntN(2) == 0 {
			return 0, 0, "'use server'\n"
		}
		return 0, 0, "'use client'\n"
	case 3, 4: // import a client hook
		hooks := []string{"import { useState } from 'react'\n", "import { useEffect, useRef } from 'react'\n", "import { useFormStatus } from 'react-dom'\n"}
		at := randomLine(5)
		return at, at, hooks[r.IntN(len(hooks))]
	case 5: // call a hook
		calls := []string{"  const [v, setV] = useState(0)\n", "  useEffect(() => {}, [])\n", "  const ref = useRef<HTMLDivElement>(null)\n"}
		at := randomLine(len(lineStarts))
		return at, at, calls[r.IntN(len(calls))]
	case 6, 7: // characters of two, three and four UTF-8 bytes
		chars := []string{"é", "中文", "😀", "𝒳", "ß", "☃", "👍🏽"}
		c := chars[r.IntN(len(chars))]
		if r.IntN(3) > 0 {
			// In a comment at a line's end, where they stay: later edits
			// on the line are placed after them.
			at := randomLine(len(lineStarts))
			for at < len(text) && text[at] != '\n' {
				at++
			}
			return at, at, " // " + c
		}
		at := r.IntN(len(text) + 1)
		return at, at, c
	case 8: // remove an import line
		var imports []int
		for _, ls := range lineStarts {
			if strings.HasPrefix(string(text[ls:min(ls+7, len(text))]), "import ") {
				imports = append(imports, ls)
			}
		}
		if len(imports) > 0 {
			at := imports[r.IntN(len(imports))]
			end := at
			for end < len(text) && text[end] != '\n' {
				end++
			}
			return at, min(end+1, len(text)), ""
		}
		at := randomLine(len(lineStarts))
		return at, at, "import { useState } from 'react'\n"
	case 9: // delete a range, often across lines
		at := r.IntN(len(text) + 1)
		return at, min(len(text), at+1+r.IntN(60)), ""
	default: // syntax: braces, tags, new lines
		bits := []string{"{", "}", "(", "<div>", "</div>", "\n", "\n\n", "'", "export const z = 1\n"}
		at := r.IntN(len(text) + 1)
		return at, at, bits[r.IntN(len(bits))]
	}
}

// utf16Pos returns the LSP position of a rune offset.
func utf16Pos(text []rune, offset int) lsp.Position {
	line, col := 0, 0
	for _, ch := range text[:offset] {
		if ch == '\n' {
			line, col = line+1, 0
		} else {
			col += len(utf16.Encode([]rune{ch}))
		}
	}
	return lsp.Position{Line: uint32(line), Character: uint32(col)}
}

// snapshotDiags returns the latest diagnostics of every file, by name
// relative to the root, as JSON with the root left out.
func (c *testClient) snapshotDiags() map[string]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	root := string(uri.File(c.root))
	out := map[string]string{}
	for u, p := range c.diags {
		if len(p.Diagnostics) == 0 {
			continue
		}
		data, err := lsp.Marshal(p.Diagnostics)
		if err != nil {
			c.t.Fatal(err)
		}
		rel, err := filepath.Rel(c.root, u.FsPath())
		if err != nil {
			c.t.Fatal(err)
		}
		out[filepath.ToSlash(rel)] = strings.ReplaceAll(string(data), root, "ROOT")
	}
	return out
}

// compareDiags compares diagnostics file by file.
func compareDiags(t *testing.T, when string, got, want map[string]string) {
	t.Helper()
	names := map[string]bool{}
	for n := range got {
		names[n] = true
	}
	for n := range want {
		names[n] = true
	}
	var sorted []string
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		if got[n] != want[n] {
			t.Errorf("%s: %s: diagnostics differ\n--- published ---\n%s\n--- fresh analysis ---\n%s", when, n, got[n], want[n])
		}
	}
}
