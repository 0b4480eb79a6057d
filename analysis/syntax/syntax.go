// Package syntax parses JavaScript and TypeScript with tree-sitter and hands
// the rest of the engine a flat, pure-Go copy of the tree.
//
// Parsing never fails on bad syntax: a file with syntax errors yields a
// tree with error nodes, and analysis goes on with what was understood.
// Parsing always ends: each parse has a budget of CPU time (see Budget).
// The flat Tree holds no C memory, so it can be dropped without a Close;
// only the language server keeps real tree-sitter trees, for open
// documents (see Document).
package syntax

import (
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	sitter "github.com/tree-sitter/go-tree-sitter"
	tsts "github.com/tree-sitter/tree-sitter-typescript/bindings/go"
)

// Lang selects a grammar.
type Lang uint8

const (
	// TS is the TypeScript grammar, for .ts, .mts and .cts: it parses
	// `<T>x` casts, which the TSX grammar rejects.
	TS Lang = iota
	// TSX is the TypeScript+JSX grammar, also used for plain JavaScript.
	TSX
)

func (l Lang) String() string {
	if l == TS {
		return "typescript"
	}
	return "tsx"
}

// LangForPath picks the grammar for a file name; ok is false for files that
// are not JavaScript or TypeScript sources (including .d.ts declarations).
func LangForPath(path string) (lang Lang, ok bool) {
	base := filepath.Base(path)
	switch filepath.Ext(base) {
	case ".ts", ".mts", ".cts":
		if isDeclarationFile(base) {
			return 0, false
		}
		return TS, true
	case ".tsx", ".js", ".jsx", ".mjs", ".cjs":
		return TSX, true
	}
	return 0, false
}

func isDeclarationFile(base string) bool {
	return strings.HasSuffix(base, ".d.ts") || strings.HasSuffix(base, ".d.mts") || strings.HasSuffix(base, ".d.cts")
}

// Node is one node of a flat tree. Its layout must match rs_node in flatten.go.
type Node struct {
	Start, End uint32 // byte offsets into the source
	Parent     int32  // index of the parent node; -1 for the root
	After      int32  // index just past this node's subtree
	Kind       Kind
	Field      Field // the field this node fills in its parent
	flags      uint8
}

const (
	flagNamed   = 1
	flagMissing = 2
)

// Named reports whether the node is a named grammar node (not a keyword token).
func (n *Node) Named() bool { return n.flags&flagNamed != 0 }

// Missing reports whether the parser inserted the node to recover from an error.
func (n *Node) Missing() bool { return n.flags&flagMissing != 0 }

// Tree is a parsed file in pre-order; node 0 is the program.
type Tree struct {
	Src      []byte
	Nodes    []Node
	Lang     Lang
	HasError bool
}

// Text returns the source text of node i.
func (t *Tree) Text(i int) string {
	n := &t.Nodes[i]
	return string(t.Src[n.Start:n.End])
}

// Bytes returns the source bytes of node i without copying.
func (t *Tree) Bytes(i int) []byte {
	n := &t.Nodes[i]
	return t.Src[n.Start:n.End]
}

// Kind returns the kind of node i, or KindOther for -1.
func (t *Tree) Kind(i int) Kind {
	if i < 0 {
		return KindOther
	}
	return t.Nodes[i].Kind
}

// FirstChild returns the first child of node i, or -1.
func (t *Tree) FirstChild(i int) int {
	if int(t.Nodes[i].After) > i+1 {
		return i + 1
	}
	return -1
}

// NextSibling returns the sibling after node i, or -1.
func (t *Tree) NextSibling(i int) int {
	p := t.Nodes[i].Parent
	next := int(t.Nodes[i].After)
	if p < 0 || next >= int(t.Nodes[p].After) {
		return -1
	}
	return next
}

// Children calls fn for each child of node i, in order.
func (t *Tree) Children(i int, fn func(c int)) {
	end := int(t.Nodes[i].After)
	for c := i + 1; c < end; c = int(t.Nodes[c].After) {
		fn(c)
	}
}

// ChildByField returns the first child of node i that fills field f, or -1.
func (t *Tree) ChildByField(i int, f Field) int {
	end := int(t.Nodes[i].After)
	for c := i + 1; c < end; c = int(t.Nodes[c].After) {
		if t.Nodes[c].Field == f {
			return c
		}
	}
	return -1
}

// ChildOfKind returns the first child of node i of kind k, or -1.
func (t *Tree) ChildOfKind(i int, k Kind) int {
	end := int(t.Nodes[i].After)
	for c := i + 1; c < end; c = int(t.Nodes[c].After) {
		if t.Nodes[c].Kind == k {
			return c
		}
	}
	return -1
}

// HasToken reports whether node i has a direct child token of kind k.
func (t *Tree) HasToken(i int, k Kind) bool { return t.ChildOfKind(i, k) >= 0 }

// NamedChildren appends the named children of node i, skipping comments.
func (t *Tree) NamedChildren(i int, dst []int) []int {
	end := int(t.Nodes[i].After)
	for c := i + 1; c < end; c = int(t.Nodes[c].After) {
		if n := &t.Nodes[c]; n.Named() && n.Kind != KindComment {
			dst = append(dst, c)
		}
	}
	return dst
}

// Unparen strips parentheses and type-only wrappers (as, satisfies, !) from
// the expression at i.
func (t *Tree) Unparen(i int) int {
	for i >= 0 {
		switch t.Nodes[i].Kind {
		case KindParenthesizedExpression, KindAsExpression, KindSatisfiesExpression, KindNonNullExpression:
			c := -1
			t.Children(i, func(ch int) {
				if c < 0 && t.Nodes[ch].Named() && t.Nodes[ch].Kind != KindComment {
					c = ch
				}
			})
			if c < 0 {
				return i
			}
			i = c
		default:
			return i
		}
	}
	return i
}

// StringValue returns the contents of a string literal node (without quotes
// and without unescaping), and whether i is a string literal at all.
func (t *Tree) StringValue(i int) (string, bool) {
	if i < 0 || t.Nodes[i].Kind != KindString {
		return "", false
	}
	n := &t.Nodes[i]
	if n.End-n.Start < 2 {
		return "", true // a missing or broken string
	}
	return string(t.Src[n.Start+1 : n.End-1]), true
}

// langTables maps one grammar's symbols and fields onto Kind and Field.
type langTables struct {
	lang   *sitter.Language
	kinds  []uint16
	fields []uint8
	pool   chan *sitter.Parser
}

var tables [2]*langTables

func init() {
	tables[TS] = newLangTables(sitter.NewLanguage(tsts.LanguageTypescript()))
	tables[TSX] = newLangTables(sitter.NewLanguage(tsts.LanguageTSX()))
}

func newLangTables(lang *sitter.Language) *langTables {
	l := &langTables{lang: lang, pool: make(chan *sitter.Parser, runtime.GOMAXPROCS(0)*2)}
	n := int(lang.NodeKindCount())
	l.kinds = make([]uint16, n)
	for id := 0; id < n; id++ {
		name := lang.NodeKindForId(uint16(id))
		var k Kind
		if lang.NodeKindIsNamed(uint16(id)) {
			k = namedKinds[name]
		} else if lang.NodeKindIsVisible(uint16(id)) {
			k = tokenKinds[name]
		}
		l.kinds[id] = uint16(k)
	}
	nf := int(lang.FieldCount()) + 1
	l.fields = make([]uint8, nf)
	for id := 1; id < nf; id++ {
		l.fields[id] = uint8(fieldNames[lang.FieldNameForId(uint16(id))])
	}
	return l
}

func (l *langTables) getParser() *sitter.Parser {
	select {
	case p := <-l.pool:
		return p
	default:
		p := sitter.NewParser()
		if err := p.SetLanguage(l.lang); err != nil {
			panic("syntax: grammar rejected by tree-sitter: " + err.Error())
		}
		return p
	}
}

func (l *langTables) putParser(p *sitter.Parser) {
	select {
	case l.pool <- p:
	default:
		p.Close()
	}
}

// liveTrees counts the tree-sitter trees not yet freed. Their memory is
// C memory that no Go heap statistic shows, so a leak (a document never
// closed) is only visible here.
var liveTrees atomic.Int64

// LiveTrees returns the number of tree-sitter trees currently allocated:
// those of open Documents, plus any parse in progress.
func LiveTrees() int64 { return liveTrees.Load() }

func closeTree(t *sitter.Tree) {
	if t != nil {
		t.Close()
		liveTrees.Add(-1)
	}
}

// Parse parses src with the grammar for lang. A file with syntax errors
// still yields a tree; the only error is a *BudgetError, when parsing
// takes longer than Budget(len(src)).
func Parse(src []byte, lang Lang) (*Tree, error) {
	t, err := tables[lang].parseWithin(src, nil)
	if err != nil {
		return nil, err
	}
	defer closeTree(t)
	tree := fromSitter(t, src, lang, nil)
	if trackFlat.Load() && len(tree.Nodes) > 0 {
		flatAlive.Add(1)
		runtime.AddCleanup(&tree.Nodes[0], func(struct{}) { flatAlive.Add(-1) }, struct{}{})
	}
	return tree, nil
}

// A flat tree costs several times its source; the engine keeps facts of
// every file, and a fact that points into a tree keeps the whole of it.
// Tests count the trees Parse made that are still reachable.
var (
	trackFlat atomic.Bool
	flatAlive atomic.Int64
)

// TrackTreesForTest counts, until stop is called, the node arrays of the
// trees Parse returns that the garbage collector has not freed yet.
func TrackTreesForTest() (alive func() int64, stop func()) {
	flatAlive.Store(0)
	trackFlat.Store(true)
	return flatAlive.Load, func() { trackFlat.Store(false) }
}

// MustParse is Parse for texts known to parse well within the budget,
// such as test inputs; it panics on an overrun.
func MustParse(src []byte, lang Lang) *Tree {
	t, err := Parse(src, lang)
	if err != nil {
		panic(err)
	}
	return t
}

// Empty returns the tree of an empty file, without parsing: what the
// engine analyzes in place of a file it skips.
func Empty(lang Lang) *Tree {
	return &Tree{Nodes: []Node{{Parent: -1, After: 1, Kind: KindProgram, flags: flagNamed}}, Lang: lang}
}

func fromSitter(t *sitter.Tree, src []byte, lang Lang, buf []Node) *Tree {
	nodes, hasErr := flatten(t, tables[lang], buf)
	return &Tree{Src: src, Nodes: nodes, Lang: lang, HasError: hasErr}
}
