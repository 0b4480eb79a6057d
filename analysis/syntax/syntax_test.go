package syntax

import (
	"fmt"
	"strings"
	"testing"
)

// sexp renders a flat tree like tree-sitter's ToSexp, with kept tokens
// quoted, so tests can compare shapes.
func sexp(t *Tree, i int) string {
	var b strings.Builder
	var rec func(i int)
	rec = func(i int) {
		n := &t.Nodes[i]
		if !n.Named() {
			fmt.Fprintf(&b, "%q", t.Text(i))
			return
		}
		fmt.Fprintf(&b, "(%d", n.Kind)
		t.Children(i, func(c int) {
			b.WriteByte(' ')
			rec(c)
		})
		b.WriteByte(')')
	}
	rec(i)
	return b.String()
}

func TestLangForPath(t *testing.T) {
	for path, want := range map[string]string{
		"a.ts": "typescript", "a.mts": "typescript", "a.cts": "typescript",
		"a.tsx": "tsx", "a.js": "tsx", "a.jsx": "tsx", "a.mjs": "tsx", "a.cjs": "tsx",
		"a.d.ts": "", "a.css": "", "a.json": "", "Makefile": "",
	} {
		lang, ok := LangForPath(path)
		got := ""
		if ok {
			got = lang.String()
		}
		if got != want {
			t.Errorf("LangForPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestFlatStructure(t *testing.T) {
	src := "'use client'\nexport default async function P() { return <div onClick={() => 1}>x</div> }\n"
	tree := MustParse([]byte(src), TSX)
	if tree.HasError {
		t.Fatalf("unexpected syntax error")
	}
	if tree.Nodes[0].Kind != KindProgram || tree.Nodes[0].Parent != -1 || int(tree.Nodes[0].After) != len(tree.Nodes) {
		t.Fatalf("bad root: %+v (n=%d)", tree.Nodes[0], len(tree.Nodes))
	}
	// Every node lies inside its parent, and subtrees nest.
	for i := 1; i < len(tree.Nodes); i++ {
		n := tree.Nodes[i]
		p := tree.Nodes[n.Parent]
		if int(n.Parent) >= i || n.Start < p.Start || n.End > p.End || int(n.After) > int(p.After) {
			t.Fatalf("node %d (%d) not inside parent %d", i, n.Kind, n.Parent)
		}
	}
	var kids []int
	kids = tree.NamedChildren(0, kids)
	if len(kids) != 2 || tree.Kind(kids[0]) != KindExpressionStatement || tree.Kind(kids[1]) != KindExportStatement {
		t.Fatalf("program children = %v", kids)
	}
	exp := kids[1]
	if !tree.HasToken(exp, TokDefault) {
		t.Errorf("export default lost its default token")
	}
	fn := tree.ChildByField(exp, FieldDeclaration)
	if tree.Kind(fn) != KindFunctionDeclaration || !tree.HasToken(fn, TokAsync) {
		t.Errorf("declaration = %d, async=%v", tree.Kind(fn), tree.HasToken(fn, TokAsync))
	}
	if name := tree.ChildByField(fn, FieldName); tree.Text(name) != "P" {
		t.Errorf("name = %q", tree.Text(name))
	}
	s, ok := tree.StringValue(tree.FirstChild(kids[0]))
	if !ok || s != "use client" {
		t.Errorf("directive = %q %v", s, ok)
	}
}

func TestParseNeverFails(t *testing.T) {
	for _, src := range []string{"", "\x00\xff\xfe", "export default function (", "<<<<>>>>", strings.Repeat("(", 5000), "'use client"} {
		for _, lang := range []Lang{TS, TSX} {
			tree := MustParse([]byte(src), lang)
			// A hopeless input yields an ERROR root instead of a program.
			if len(tree.Nodes) == 0 || (tree.Nodes[0].Kind != KindProgram && tree.Nodes[0].Kind != KindError) {
				t.Errorf("%.20q/%v: no root node", src, lang)
			}
		}
	}
	if !MustParse([]byte("export default function ("), TSX).HasError {
		t.Errorf("broken input reported no error")
	}
	tree := MustParse([]byte("let x = ;"), TS)
	found := false
	for i := range tree.Nodes {
		if tree.Nodes[i].Kind == KindError || tree.Nodes[i].Missing() {
			found = true
		}
	}
	if !found {
		t.Errorf("no ERROR or missing node in %s", sexp(tree, 0))
	}
}

func TestTSGrammarForCasts(t *testing.T) {
	if MustParse([]byte("let y = <number>z;"), TS).HasError {
		t.Errorf("TS grammar rejected a cast")
	}
	if !MustParse([]byte("let y = <number>z;"), TSX).HasError {
		t.Errorf("TSX grammar accepted a cast (grammar choice would not matter)")
	}
}
