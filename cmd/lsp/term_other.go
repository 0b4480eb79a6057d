//go:build !windows

package lsp

import "os"

// enableVirtualTerminal is needed on Windows only: terminals elsewhere
// read escape sequences as they are.
func enableVirtualTerminal(*os.File) {}
