// Package textpos maps byte offsets in a file's content to lines and
// columns and back. The engine works in byte offsets; editors count
// columns in UTF-16 code units (LSP's default) or bytes, terminals in code
// points. This package knows those encodings and nothing of LSP: the
// language server converts its results to LSP positions, the command line
// to 1-based line:column.
package textpos

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Encoding is how a column counts the characters before it.
type Encoding uint8

const (
	UTF16 Encoding = iota // LSP's default, and what VS Code speaks
	UTF8                  // bytes; what the engine counts
	UTF32                 // code points; what terminals show as columns
)

func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	}
	return "utf-16"
}

// Mapper converts between byte offsets in a file and line/character
// positions. It is the one place where encodings are handled.
// Lines end at \n; a \r before it belongs to the line break. A leading
// byte order mark is not a character: editors drop it when they load a
// file (and tsc and ESLint do not count it), so positions in a file read
// from disk agree with the editor's.
type Mapper struct {
	src   []byte
	lines []int // byte offset where each line starts
}

// NewMapper indexes src.
func NewMapper(src []byte) *Mapper {
	first := 0
	if bytes.HasPrefix(src, bom) {
		first = len(bom)
	}
	m := &Mapper{src: src, lines: []int{first}}
	for i, b := range src {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// bom is the UTF-8 byte order mark.
var bom = []byte("\ufeff")

// Src returns the mapped content.
func (m *Mapper) Src() []byte { return m.src }

// LineCount returns the number of lines.
func (m *Mapper) LineCount() int { return len(m.lines) }

// lineEnd returns the offset of line's end, before its line break.
func (m *Mapper) lineEnd(line int) int {
	end := len(m.src)
	if line+1 < len(m.lines) {
		end = m.lines[line+1] - 1
	}
	if end > m.lines[line] && m.src[end-1] == '\r' && (line+1 < len(m.lines)) {
		end--
	}
	return end
}

// Line returns the text of a 0-based line without its line break.
func (m *Mapper) Line(line int) string {
	if line < 0 || line >= len(m.lines) {
		return ""
	}
	return string(m.src[m.lines[line]:m.lineEnd(line)])
}

// Position converts a byte offset to a 0-based line and character count in
// the given encoding. Offsets are clamped to the content; an offset inside
// a multi-byte character maps to that character's start.
func (m *Mapper) Position(offset int, enc Encoding) (line, char int) {
	if offset < m.lines[0] {
		offset = m.lines[0] // 0, or the end of the byte order mark
	}
	if offset > len(m.src) {
		offset = len(m.src)
	}
	line = sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
	start, end := m.lines[line], m.lineEnd(line)
	if offset > end {
		offset = end
	}
	// Walk the characters as Offset does, so that the two agree on where
	// characters start for any bytes, invalid UTF-8 included.
	for off := start; off < offset; {
		r, size := utf8.DecodeRune(m.src[off:end])
		if off+size > offset {
			break // offset is inside this character
		}
		char += width(r, size, enc)
		off += size
	}
	return line, char
}

// width is the length of a character in the given encoding. An invalid
// byte decodes as one U+FFFD.
func width(r rune, size int, enc Encoding) int {
	switch {
	case enc == UTF8:
		return size
	case enc == UTF16 && r >= 0x10000:
		return 2 // a surrogate pair
	}
	return 1
}

// Offset converts a 0-based line and character count to a byte offset.
// Positions past the end of a line clamp to the line's end, positions past
// the last line to the end of the content, and a position inside a
// character (a UTF-16 position between the halves of a surrogate pair, a
// UTF-8 one inside a multi-byte sequence) to the character's start:
// editors send such positions, and the server must not fail on them.
func (m *Mapper) Offset(line, char int, enc Encoding) int {
	if line < 0 {
		return 0
	}
	if line >= len(m.lines) {
		return len(m.src)
	}
	start, end := m.lines[line], m.lineEnd(line)
	// Counting up to char, rather than adding it to start, cannot index
	// past the content or overflow, whatever char is.
	off, n := start, 0
	for off < end {
		r, size := utf8.DecodeRune(m.src[off:end])
		w := width(r, size, enc)
		if n+w > char {
			return off
		}
		n += w
		off += size
	}
	return end
}
