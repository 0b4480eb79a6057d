package syntax

import (
	"math/rand/v2"
	"testing"
)

// TestIncrementalMatchesFresh applies random edits and checks that the
// incrementally reparsed tree equals a fresh parse of the same text.
func TestIncrementalMatchesFresh(t *testing.T) {
	src := "'use client'\nimport { useState } from 'react'\n\nexport function Counter() {\n  const [n, setN] = useState(0) // 😀 emoji\n  return <button onClick={() => setN(n + 1)}>{n}</button>\n}\n"
	inserts := []string{"x", "\n", "(", "'use server'\n", "<div>", "😀", "}", "export const a = 1\n", ""}
	r := rand.New(rand.NewPCG(1, 2))
	doc := NewDocument([]byte(src), TSX)
	defer doc.Close()
	doc.Tree()
	for i := 0; i < 300; i++ {
		text := doc.Src()
		start := r.IntN(len(text) + 1)
		end := start + r.IntN(min(8, len(text)-start)+1)
		// Keep edits on character boundaries, as an editor does.
		for start > 0 && start < len(text) && text[start]&0xC0 == 0x80 {
			start--
		}
		for end < len(text) && text[end]&0xC0 == 0x80 {
			end++
		}
		doc.Edit(start, end, []byte(inserts[r.IntN(len(inserts))]))
		if i%3 != 0 {
			continue // several edits between parses, as typing does
		}
		got := sexp(mustTree(t, doc), 0)
		want := sexp(MustParse(doc.Src(), TSX), 0)
		if got != want {
			t.Fatalf("edit %d: incremental tree differs from a fresh parse\nsrc: %q", i, doc.Src())
		}
	}
}

func TestDocumentSetTextAndClamp(t *testing.T) {
	doc := NewDocument([]byte("let a = 1"), TS)
	defer doc.Close()
	doc.Tree()
	doc.Edit(-5, 100, []byte("let b = 2")) // out of range: clamped, not a panic
	if string(doc.Src()) != "let b = 2" {
		t.Fatalf("src = %q", doc.Src())
	}
	doc.SetText([]byte("export const c = 3"))
	if got, want := sexp(mustTree(t, doc), 0), sexp(MustParse([]byte("export const c = 3"), TS), 0); got != want {
		t.Fatalf("after SetText: %s want %s", got, want)
	}
}

// mustTree returns the document's tree, failing the test on an overrun.
func mustTree(t *testing.T, doc *Document) *Tree {
	t.Helper()
	tree, err := doc.Tree()
	if err != nil {
		t.Fatal(err)
	}
	return tree
}
