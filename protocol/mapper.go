package protocol

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is how a Position's character offset counts.
type Encoding uint8

const (
	UTF16 Encoding = iota // the LSP default, and what VS Code speaks
	UTF8                  // bytes; negotiated when the client offers it
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
// positions. It is the one place where encodings are handled: the engine
// works in bytes, LSP in UTF-16 (or UTF-8), the terminal in code points.
// Lines end at \n; a \r before it belongs to the line break.
type Mapper struct {
	src   []byte
	lines []int // byte offset where each line starts
}

// NewMapper indexes src.
func NewMapper(src []byte) *Mapper {
	m := &Mapper{src: src, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

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
	if offset < 0 {
		offset = 0
	}
	if offset > len(m.src) {
		offset = len(m.src)
	}
	line = sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
	start := m.lines[line]
	if end := m.lineEnd(line); offset > end {
		offset = end
	}
	return line, count(m.src[start:offset], enc)
}

// count returns the length of b in the given encoding, ignoring a trailing
// partial character.
func count(b []byte, enc Encoding) int {
	if enc == UTF8 {
		for len(b) > 0 && !utf8.FullRune(b[len(b)-1:]) && !utf8.Valid(b) {
			b = b[:len(b)-1]
		}
		return len(b)
	}
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 && len(b) < utf8.UTFMax && !utf8.FullRune(b) {
			break // a character cut in half
		}
		b = b[size:]
		if enc == UTF16 && r >= 0x10000 && r != utf8.RuneError {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Offset converts a 0-based line and character count to a byte offset.
// Positions past the end of a line clamp to the line's end, positions past
// the last line to the end of the content, and a UTF-16 position inside a
// surrogate pair to the character's start: editors send such positions,
// and the server must not fail on them.
func (m *Mapper) Offset(line, char int, enc Encoding) int {
	if line < 0 {
		return 0
	}
	if line >= len(m.lines) {
		return len(m.src)
	}
	start, end := m.lines[line], m.lineEnd(line)
	if char <= 0 {
		return start
	}
	if enc == UTF8 {
		off := start + char
		if off > end {
			return end
		}
		for off > start && !utf8.RuneStart(m.src[off]) {
			off--
		}
		return off
	}
	off, n := start, 0
	for off < end {
		r, size := utf8.DecodeRune(m.src[off:end])
		w := 1
		if enc == UTF16 && r >= 0x10000 {
			w = len(utf16.Encode([]rune{r}))
		}
		if n+w > char {
			return off
		}
		n += w
		off += size
		if n == char {
			return off
		}
	}
	return end
}
