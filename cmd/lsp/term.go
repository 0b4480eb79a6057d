package lsp

import (
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// terminal describes where a stream goes: whether a person sees it on a
// terminal, whether to colour it, and how wide it is.
type terminal struct {
	isTerminal bool
	color      bool
	width      int // columns; 0 when unknown
}

// lookupEnv is os.LookupEnv; tests replace it.
var lookupEnv = os.LookupEnv

// describe tells how to write to w. Colour follows Node.js and the
// conventions of no-color.org and force-color.org: FORCE_COLOR set to
// anything but "0" or "false" turns it on even in a pipe, and off when
// it is "0" or "false"; otherwise NO_COLOR (non-empty) or TERM=dumb turn
// it off; otherwise a terminal gets colour and a pipe or file none.
func describe(w io.Writer) terminal {
	var t terminal
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		t.isTerminal = true
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			t.width = cols
		}
		enableVirtualTerminal(f)
	}
	if t.width == 0 {
		if n, err := strconv.Atoi(getenv("COLUMNS")); err == nil && n > 0 {
			t.width = n
		}
	}
	switch force, set := lookupEnv("FORCE_COLOR"); {
	case set && force != "":
		t.color = force != "0" && force != "false"
	case getenv("NO_COLOR") != "", getenv("TERM") == "dumb":
		t.color = false
	default:
		t.color = t.isTerminal
	}
	return t
}

func getenv(k string) string {
	v, _ := lookupEnv(k)
	return v
}

// isTerminal reports whether r is a terminal (a person typing).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
