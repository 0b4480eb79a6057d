package misspelleddirective

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/syntax"
)

// reports runs the check on src as a module file and counts its findings.
func reports(t *testing.T, src string) int {
	t.Helper()
	tree := syntax.MustParse([]byte(src), syntax.TSX)
	f, local := facts.Extract(tree)
	n := 0
	pass := &analysis.Pass{
		Analyzer: Analyzer,
		File:     &analysis.File{Path: "/w/a.tsx", Src: tree.Src, Facts: f},
		Syntax:   local,
		Config:   &analysis.Config{},
		Report:   func(analysis.Diagnostic) { n++ },
	}
	if _, err := run(pass); err != nil {
		t.Fatal(err)
	}
	return n
}

// Wants never rejects a text the check reports on: broken literals,
// escapes, line continuations, parentheses and random misspellings
// included.
func TestWantsEveryTextItReportsOn(t *testing.T) {
	cases := []string{
		"'use clinet'\n",
		"'use clinet\n",                 // unterminated: tree-sitter ends it at the line's end
		"\"use sever\r\nexport {}\n",    // CRLF
		"('use-client');\n",             // parenthesized
		"'use \\\nclient'\n",            // line continuation
		"'use \\\r\nclient'\n",          // CRLF continuation
		"'use cache:remote' as const\n", // a TypeScript wrapper
		"function f() {\n  'use  sevrer'\n}\n",
		"'USE CLIENT'\n",
		"'use cache: nonsense-kind-that-is-very-long-indeed-and-longer-than-sixty-four-bytes-to-be-sure'\n",
		"'\u00a0use client'\n", // a Unicode space
		"'use action'\n",
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte("usecliantrvhUSE -_:'\"\\\n\r\t(){};ä`/*${<>")
	for i := 0; i < 3000; i++ {
		b := []byte([]string{"'use client'", "'use server'", "'use cache'", "\"use cache: remote\""}[rng.Intn(4)])
		for k := rng.Intn(4); k > 0; k-- {
			p := rng.Intn(len(b) + 1)
			switch rng.Intn(3) {
			case 0: // insert
				b = append(b[:p], append([]byte{alphabet[rng.Intn(len(alphabet))]}, b[p:]...)...)
			case 1: // delete
				if p < len(b) {
					b = append(b[:p], b[p+1:]...)
				}
			default: // substitute
				if p < len(b) {
					b[p] = alphabet[rng.Intn(len(alphabet))]
				}
			}
		}
		prefix := []string{"", "// c\n", "function f() {\n", "x();\n"}[rng.Intn(4)]
		cases = append(cases, prefix+string(b)+"\n"+strings.Repeat("}", strings.Count(prefix, "{")))
	}
	reported := 0
	for _, src := range cases {
		if reports(t, src) == 0 {
			continue
		}
		reported++
		if !wants(&analysis.File{Src: []byte(src)}, nil) {
			t.Errorf("the check reports on %q, which Wants rejects", src)
		}
	}
	if reported < 100 {
		t.Fatalf("only %d of %d texts reported: the test tests little", reported, len(cases))
	}
	for _, src := range []string{"import x from 'react'\n", "const s = \"flex items-center\"\n", "'use strict'\n"} {
		if wants(&analysis.File{Src: []byte(src)}, nil) {
			t.Errorf("Wants takes %q, on which the check cannot report", src)
		}
	}
}

// The filter under Wants keeps every string Suggest answers, Unicode
// case and spaces included: letters whose lower case is shorter (the
// Kelvin and Ohm signs), longer (dotted I), and spaces of other scripts.
func TestMayBeMisspeltKeepsEverySuggestion(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := []rune("usecliantrvhUSE -_:\t\u00a0\u3000\u212a\u2126\u0130\u1e9e\u017f\u00e9\u4e2d\u00ff\x80")
	kept := 0
	for i := 0; i < 200000; i++ {
		b := []rune([]string{"use client", "use server", "use cache", "use cache: remote", "use action", "USE CLIENT"}[rng.Intn(6)])
		for k := rng.Intn(5); k > 0; k-- {
			p := rng.Intn(len(b) + 1)
			c := alphabet[rng.Intn(len(alphabet))]
			switch rng.Intn(3) {
			case 0:
				b = append(b[:p], append([]rune{c}, b[p:]...)...)
			case 1:
				if p < len(b) {
					b = append(b[:p], b[p+1:]...)
				}
			default:
				if p < len(b) {
					b[p] = c
				}
			}
		}
		s := string(b)
		if want, _ := Suggest(s, nil); want != "" {
			kept++
			if !mayBeMisspelt([]byte(s)) {
				t.Errorf("Suggest(%q) = %q, but the filter drops it", s, want)
			}
		}
	}
	if kept < 1000 {
		t.Fatalf("only %d strings had a suggestion: the test tests little", kept)
	}
}
