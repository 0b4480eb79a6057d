package textpos

import "testing"

func TestMapperRoundTrip(t *testing.T) {
	src := "ab\r\nc😀d\n\nÉé\n"
	m := NewMapper([]byte(src))
	cases := []struct {
		offset      int
		line        int
		u16, u8, cp int
	}{
		{0, 0, 0, 0, 0},
		{2, 0, 2, 2, 2},  // before \r
		{4, 1, 0, 0, 0},  // start of line 1
		{5, 1, 1, 1, 1},  // before the emoji
		{9, 1, 3, 5, 2},  // after the emoji (4 bytes, 2 UTF-16 units)
		{10, 1, 4, 6, 3}, // after d
		{11, 2, 0, 0, 0}, // empty line
		{14, 3, 1, 2, 1}, // after É
	}
	for _, c := range cases {
		for _, enc := range []struct {
			e    Encoding
			want int
		}{{UTF16, c.u16}, {UTF8, c.u8}, {UTF32, c.cp}} {
			line, ch := m.Position(c.offset, enc.e)
			if line != c.line || ch != enc.want {
				t.Errorf("Position(%d, %v) = %d:%d, want %d:%d", c.offset, enc.e, line, ch, c.line, enc.want)
			}
			if got := m.Offset(line, ch, enc.e); got != c.offset {
				t.Errorf("Offset(%d, %d, %v) = %d, want %d", line, ch, enc.e, got, c.offset)
			}
		}
	}
}

func TestMapperClamps(t *testing.T) {
	m := NewMapper([]byte("x😀y\nz"))
	if got := m.Offset(0, 2, UTF16); got != 1 { // inside the surrogate pair
		t.Errorf("mid-surrogate offset = %d, want 1", got)
	}
	if got := m.Offset(0, 99, UTF16); got != 6 {
		t.Errorf("past end of line = %d, want 6", got)
	}
	if got := m.Offset(7, 0, UTF16); got != 8 {
		t.Errorf("past last line = %d, want 8", got)
	}
	if got := m.Offset(-1, -5, UTF8); got != 0 {
		t.Errorf("negative = %d", got)
	}
	if line, ch := m.Position(3, UTF16); line != 0 || ch != 1 { // inside the emoji's bytes
		t.Errorf("mid-rune position = %d:%d, want 0:1", line, ch)
	}
	if line, ch := m.Position(1000, UTF16); line != 1 || ch != 1 {
		t.Errorf("past end = %d:%d", line, ch)
	}
	if m.Line(0) != "x😀y" || m.Line(5) != "" {
		t.Errorf("Line wrong")
	}
}

// A file saved with a byte order mark: editors show, and count columns
// in, the text without it.
func TestMapperByteOrderMark(t *testing.T) {
	m := NewMapper([]byte("\ufeff'use client'\r\nx"))
	for _, enc := range []Encoding{UTF16, UTF8, UTF32} {
		if line, ch := m.Position(3, enc); line != 0 || ch != 0 {
			t.Errorf("%v: the directive after the mark is at %d:%d, want 0:0", enc, line, ch)
		}
		if line, ch := m.Position(0, enc); line != 0 || ch != 0 {
			t.Errorf("%v: the mark itself is at %d:%d, want 0:0", enc, line, ch)
		}
		if got := m.Offset(0, 0, enc); got != 3 {
			t.Errorf("%v: the first line starts at %d, want 3 (after the mark)", enc, got)
		}
		if got := m.Offset(1, 1, enc); got != 18 {
			t.Errorf("%v: second line = %d, want 18", enc, got)
		}
	}
	if m.Line(0) != "'use client'" {
		t.Errorf("Line(0) = %q", m.Line(0))
	}
}
