package syntax

import (
	"bytes"

	sitter "github.com/tree-sitter/go-tree-sitter"
)

// Document is an editor buffer kept with its tree-sitter tree, so that an
// edit reparses only what changed. Only the language server keeps these,
// one per open document: a retained tree costs about 34 times its source.
// A Document is not safe for concurrent use.
type Document struct {
	lang   Lang
	src    []byte
	tree   *sitter.Tree // nil until the first parse, and after SetText
	dirty  bool
	flat   *Tree
	err    error // the parse of the current content overran its budget
	closed bool
}

// NewDocument starts a document with its initial content.
func NewDocument(src []byte, lang Lang) *Document {
	return &Document{lang: lang, src: src, dirty: true}
}

// Src returns the current content; callers must not modify it.
func (d *Document) Src() []byte { return d.src }

// Lang returns the document's grammar.
func (d *Document) Lang() Lang { return d.lang }

// SetText replaces the whole content, as a full-document change does.
func (d *Document) SetText(src []byte) {
	d.src = src
	d.dirty = true
	closeTree(d.tree)
	d.tree = nil
}

// Edit replaces the bytes [start, end) with text. Offsets are clamped to
// the content.
func (d *Document) Edit(start, end int, text []byte) {
	if start < 0 {
		start = 0
	}
	if end > len(d.src) {
		end = len(d.src)
	}
	if start > end {
		start = end
	}
	if d.tree != nil {
		startPt := pointAt(d.src, start)
		oldEndPt := pointAt(d.src, end)
		newEnd := start + len(text)
		newEndPt := advance(startPt, text)
		d.tree.Edit(&sitter.InputEdit{
			StartByte: uint(start), OldEndByte: uint(end), NewEndByte: uint(newEnd),
			StartPosition: startPt, OldEndPosition: oldEndPt, NewEndPosition: newEndPt,
		})
	}
	n := make([]byte, 0, len(d.src)-(end-start)+len(text))
	n = append(n, d.src[:start]...)
	n = append(n, text...)
	n = append(n, d.src[end:]...)
	d.src = n
	d.dirty = true
}

// pointAt returns the tree-sitter position (row, byte column) of offset.
func pointAt(src []byte, offset int) sitter.Point {
	row := bytes.Count(src[:offset], []byte{'\n'})
	col := offset - (bytes.LastIndexByte(src[:offset], '\n') + 1)
	return sitter.Point{Row: uint(row), Column: uint(col)}
}

// advance returns the position after inserting text at p.
func advance(p sitter.Point, text []byte) sitter.Point {
	if nl := bytes.Count(text, []byte{'\n'}); nl > 0 {
		return sitter.Point{Row: p.Row + uint(nl), Column: uint(len(text) - (bytes.LastIndexByte(text, '\n') + 1))}
	}
	return sitter.Point{Row: p.Row, Column: p.Column + uint(len(text))}
}

// Tree returns the flat tree of the current content, reparsing
// incrementally after edits. When the parse overruns its budget, the
// error is kept for this content: the document is parsed again only
// after its next edit.
func (d *Document) Tree() (*Tree, error) {
	if !d.dirty && (d.flat != nil || d.err != nil) {
		return d.flat, d.err
	}
	if d.closed {
		// A reader that fetched the document before it was closed still
		// gets an answer, but no tree is kept: nothing would free it.
		return Parse(d.src, d.lang)
	}
	d.dirty = false
	t, err := tables[d.lang].parseWithin(d.src, d.tree)
	if err != nil {
		// The edited old tree stays: the next edit's parse can still
		// reuse its unchanged parts.
		d.flat, d.err = nil, err
		return nil, err
	}
	closeTree(d.tree)
	d.tree = t
	d.flat, d.err = fromSitter(t, d.src, d.lang, nil), nil
	return d.flat, nil
}

// Close releases the tree-sitter tree. A closed document still answers
// Src and Tree (a reader may hold it while it is closed), but keeps no
// tree-sitter tree again.
func (d *Document) Close() {
	closeTree(d.tree)
	d.tree = nil
	d.flat = nil
	d.closed = true
}
