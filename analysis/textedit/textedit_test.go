package textedit

import (
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/syntax"
)

func TestApply(t *testing.T) {
	src := []byte("abcdef")
	for _, c := range []struct {
		name  string
		edits []analysis.TextEdit
		want  string
		err   bool
	}{
		{"none", nil, "abcdef", false},
		{"in any order", []analysis.TextEdit{{Start: 4, End: 5, NewText: "E"}, {Start: 0, End: 1, NewText: "A"}}, "AbcdEf", false},
		{"identical once", []analysis.TextEdit{{Start: 1, End: 1, NewText: "x"}, {Start: 1, End: 1, NewText: "x"}}, "axbcdef", false},
		{"insertion before replacement", []analysis.TextEdit{{Start: 2, End: 4, NewText: "R"}, {Start: 2, End: 2, NewText: "I"}}, "abIRef", false},
		{"overlap", []analysis.TextEdit{{Start: 1, End: 3}, {Start: 2, End: 4}}, "", true},
		{"out of range", []analysis.TextEdit{{Start: 5, End: 9}}, "", true},
	} {
		got, err := Apply(src, c.edits)
		if (err != nil) != c.err || (err == nil && string(got) != c.want) {
			t.Errorf("%s: Apply = %q, %v; want %q, error %v", c.name, got, err, c.want, c.err)
		}
	}
}

func TestOverlap(t *testing.T) {
	e := func(path string, start, end int) analysis.TextEdit {
		return analysis.TextEdit{Path: path, Start: start, End: end}
	}
	for _, c := range []struct {
		a, b analysis.TextEdit
		want bool
	}{
		{e("a", 0, 2), e("a", 1, 3), true},
		{e("a", 0, 2), e("a", 2, 3), false},
		{e("a", 0, 2), e("b", 1, 3), false},
		{e("a", 1, 1), e("a", 1, 1), true},  // two insertions at one offset
		{e("a", 1, 1), e("a", 1, 3), false}, // an insertion before a replacement
	} {
		if got := Overlap(c.a, c.b); got != c.want {
			t.Errorf("Overlap(%v, %v) = %v", c.a, c.b, got)
		}
	}
}

func extract(t *testing.T, src string) *facts.File {
	tree, err := syntax.Parse([]byte(src), syntax.TSX)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := facts.Extract(tree)
	return f
}

// TestStyle inserts a directive and an import into files of each style.
func TestStyle(t *testing.T) {
	for _, c := range []struct {
		src, directive, sideEffect string
	}{
		{
			"import x from 'x'\nx()\n",
			"'use client'\n\nimport x from 'x'\nx()\n",
			"import 'server-only'\n\nimport x from 'x'\nx()\n",
		},
		{
			"import x from \"x\";\nx();\n",
			"\"use client\";\n\nimport x from \"x\";\nx();\n",
			"import \"server-only\";\n\nimport x from \"x\";\nx();\n",
		},
		{
			"'use server'\nexport async function f() {}\n",
			"'use client'\n\n'use server'\nexport async function f() {}\n",
			"'use server'\n\nimport 'server-only'\nexport async function f() {}\n",
		},
		{
			"// only a comment\n",
			"'use client'\n// only a comment\n",
			"import 'server-only'\n// only a comment\n",
		},
	} {
		f := extract(t, c.src)
		for _, tc := range []struct {
			edit analysis.TextEdit
			want string
		}{{InsertDirective(f, "use client"), c.directive}, {InsertSideEffectImport(f, "server-only"), c.sideEffect}} {
			got, err := Apply([]byte(c.src), []analysis.TextEdit{tc.edit})
			if err != nil || string(got) != tc.want {
				t.Errorf("%q: got %q, %v; want %q", c.src, got, err, tc.want)
			}
		}
	}
}

func TestDeleteStatement(t *testing.T) {
	src := []byte("a()\n  'use client'\nb() /* keep */\n")
	start := 6
	got, err := Apply(src, []analysis.TextEdit{DeleteStatement(src, facts.Span{Start: start, End: start + 12})})
	if err != nil || string(got) != "a()\nb() /* keep */\n" {
		t.Errorf("whole line: %q, %v", got, err)
	}
	src = []byte("'use client'; x()\n")
	got, err = Apply(src, []analysis.TextEdit{DeleteStatement(src, facts.Span{Start: 0, End: 13})})
	if err != nil || string(got) != "x()\n" {
		t.Errorf("statement before another: %q, %v", got, err)
	}
	if ind := LineIndent([]byte("a\n\t  b"), 5); ind != "\t  " {
		t.Errorf("LineIndent = %q", ind)
	}
}
