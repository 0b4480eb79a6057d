package syntax

import "testing"

// TestLiveTrees follows the tree-sitter trees a Document keeps through its
// life: one after a parse, still one after edits and reparses, none after
// SetText or Close, and none kept when a closed document is read again.
func TestLiveTrees(t *testing.T) {
	base := LiveTrees()
	expect := func(what string, want int64) {
		t.Helper()
		if got := LiveTrees() - base; got != want {
			t.Fatalf("%s: %d live trees, want %d", what, got, want)
		}
	}
	MustParse([]byte("const a = 1"), TS)
	expect("after Parse", 0)

	doc := NewDocument([]byte("'use client'\nexport const a = 1\n"), TSX)
	expect("before the first parse", 0)
	doc.Tree()
	expect("after the first parse", 1)
	for i := 0; i < 5; i++ {
		doc.Edit(0, 1, []byte("\""))
		doc.Tree()
	}
	expect("after incremental reparses", 1)
	doc.SetText([]byte("export const b = 2\n"))
	expect("after SetText", 0)
	doc.Tree()
	expect("after parsing the new text", 1)
	doc.Close()
	expect("after Close", 0)

	// A request may still hold a document that didClose closed.
	doc.Edit(0, 0, []byte("// late\n"))
	if tree := mustTree(t, doc); tree == nil || string(tree.Src) != "// late\nexport const b = 2\n" {
		t.Fatalf("closed document's tree: %+v", tree)
	}
	expect("after reading a closed document", 0)
}
