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
	lang  Lang
	src   []byte
	tree  *sitter.Tree // nil until the first parse, and after SetText
	dirty bool
	flat  *Tree
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
	if d.tree != nil {
		d.tree.Close()
		d.tree = nil
	}
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
// incrementally after edits.
func (d *Document) Tree() *Tree {
	if !d.dirty && d.flat != nil {
		return d.flat
	}
	l := tables[d.lang]
	p := l.getParser()
	t := p.Parse(d.src, d.tree)
	l.putParser(p)
	if d.tree != nil {
		d.tree.Close()
	}
	d.tree = t
	d.flat = fromSitter(t, d.src, d.lang, nil)
	d.dirty = false
	return d.flat
}

// Close releases the tree-sitter tree. The document must not be used after.
func (d *Document) Close() {
	if d.tree != nil {
		d.tree.Close()
		d.tree = nil
	}
	d.flat = nil
}
