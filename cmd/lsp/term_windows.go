package lsp

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableVirtualTerminal asks the Windows console to read ANSI escape
// sequences (colours, erasing the progress line) instead of printing them.
func enableVirtualTerminal(f *os.File) {
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) == nil {
		windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING)
	}
}
