package textpos

import (
	"strings"
	"testing"

	"github.com/rscls/rscls/internal/test/fuzzseed"
)

// The reference model of positions that FuzzMapper holds the Mapper to,
// written the naive way: lines end at \n (a \r before it belongs to the
// line break), and the characters of a line are what ranging over it as a
// Go string yields (an invalid byte is one character). A leading byte
// order mark is not part of the first line.

type fuzzRefLine struct{ start, end int } // end: before the line break

func fuzzRefLines(src []byte) []fuzzRefLine {
	var out []fuzzRefLine
	start := 0
	if strings.HasPrefix(string(src), "\ufeff") {
		start = 3
	}
	for i := start; i <= len(src); i++ {
		if i == len(src) || src[i] == '\n' {
			end := i
			if i < len(src) && end > start && src[end-1] == '\r' {
				end--
			}
			out = append(out, fuzzRefLine{start, end})
			start = i + 1
		}
	}
	return out
}

// fuzzRefUnits is the length of b in enc.
func fuzzRefUnits(b []byte, enc Encoding) int {
	if enc == UTF8 {
		return len(b)
	}
	n := 0
	for _, r := range string(b) {
		if enc == UTF16 && r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// fuzzRefBoundaries lists the offsets where the line's characters start, and
// its end.
func fuzzRefBoundaries(src []byte, l fuzzRefLine) []int {
	var out []int
	for i := range string(src[l.start:l.end]) {
		out = append(out, l.start+i)
	}
	return append(out, l.end)
}

// fuzzRefPosition is where Position must put offset.
func fuzzRefPosition(src []byte, lines []fuzzRefLine, offset int, enc Encoding) (int, int) {
	offset = max(0, min(offset, len(src)))
	line := 0
	for i, l := range lines {
		if l.start <= offset {
			line = i
		}
	}
	l := lines[line]
	offset = min(offset, l.end) // inside the line break: the line's end
	at := l.start
	for _, b := range fuzzRefBoundaries(src, l) {
		if b <= offset {
			at = b // the start of the character holding offset
		}
	}
	return line, fuzzRefUnits(src[l.start:at], enc)
}

// fuzzRefOffset is where Offset must put a position: the last character start
// of the line not past char, so that a position past the line's end is its
// end and one inside a character (a surrogate pair cut in two) is its start.
func fuzzRefOffset(src []byte, lines []fuzzRefLine, line, char int, enc Encoding) int {
	switch {
	case line < 0:
		return 0
	case line >= len(lines):
		return len(src)
	}
	l := lines[line]
	at := l.start
	for _, b := range fuzzRefBoundaries(src, l) {
		if fuzzRefUnits(src[l.start:b], enc) <= char {
			at = b
		}
	}
	return at
}

var fuzzEncodings = []Encoding{UTF16, UTF8, UTF32}

// FuzzMapper converts between offsets and positions on arbitrary text
// (astral-plane characters, CRLF, lone CR, invalid UTF-8, encoded
// surrogates) and arbitrary positions (negative, huge, past the end of a
// line or of the file, inside a surrogate pair), in every encoding, and
// holds the answers to the reference model: offsets clamp into the text,
// positions past the end clamp, and offset → position → offset is the
// identity at every character boundary.
func FuzzMapper(f *testing.F) {
	for _, s := range fuzzseed.Sources() {
		f.Add(s.Data, len(s.Data)/2, 1, 4)
	}
	for _, s := range []string{
		"", "a", "\n", "\r\n", "\r", "a\rb\r\nc\n\r", "x😀y\nz", "😀", "😀\r\n😀", "ab\r\nc😀d\n\nÉé\n",
		"\xf0\x9f\x98", "\xe2\x82x", "\x82\x82\n\xff", "\xed\xa0\x80\xed\xb0\x80", "\ufeff'use client'\r\n", "\U0010ffff\u0800\u07ff",
	} {
		for _, char := range []int{0, 1, 2, 3, -1, 1 << 40, -1 << 62, 1<<63 - 1} {
			f.Add([]byte(s), len(s)-1, 0, char)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte, offset, line, char int) {
		m := NewMapper(src)
		lines := fuzzRefLines(src)
		if m.LineCount() != len(lines) {
			t.Fatalf("LineCount() = %d, want %d", m.LineCount(), len(lines))
		}
		for _, ln := range []int{line, -1, 0, len(lines) - 1, len(lines)} {
			want := ""
			if ln >= 0 && ln < len(lines) {
				want = string(src[lines[ln].start:lines[ln].end])
			}
			if got := m.Line(ln); got != want {
				t.Fatalf("Line(%d) = %q, want %q", ln, got, want)
			}
		}
		for _, enc := range fuzzEncodings {
			gotL, gotC := m.Position(offset, enc)
			if wantL, wantC := fuzzRefPosition(src, lines, offset, enc); gotL != wantL || gotC != wantC {
				t.Fatalf("Position(%d, %v) = %d:%d, want %d:%d", offset, enc, gotL, gotC, wantL, wantC)
			}
			got := m.Offset(line, char, enc)
			if want := fuzzRefOffset(src, lines, line, char, enc); got != want {
				t.Fatalf("Offset(%d, %d, %v) = %d, want %d", line, char, enc, got, want)
			}
			if got < 0 || got > len(src) {
				t.Fatalf("Offset(%d, %d, %v) = %d, outside [0, %d]", line, char, enc, got, len(src))
			}
		}
		if len(src) > 2048 {
			return // the exhaustive part is quadratic
		}
		for i, l := range lines {
			for _, b := range fuzzRefBoundaries(src, l) {
				for _, enc := range fuzzEncodings {
					gotL, gotC := m.Position(b, enc)
					if gotL != i {
						t.Fatalf("Position(%d, %v) is on line %d, want %d", b, enc, gotL, i)
					}
					if back := m.Offset(gotL, gotC, enc); back != b {
						t.Fatalf("Offset(Position(%d, %v) = %d:%d) = %d: the round trip moved", b, enc, gotL, gotC, back)
					}
				}
			}
		}
		for o := -1; o <= len(src)+1; o++ {
			for _, enc := range fuzzEncodings {
				gotL, gotC := m.Position(o, enc)
				if wantL, wantC := fuzzRefPosition(src, lines, o, enc); gotL != wantL || gotC != wantC {
					t.Fatalf("Position(%d, %v) = %d:%d, want %d:%d", o, enc, gotL, gotC, wantL, wantC)
				}
			}
		}
	})
}
