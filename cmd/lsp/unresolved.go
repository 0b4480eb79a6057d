package lsp

import (
	"bytes"
	"fmt"
	"io"

	"github.com/rscls/rscls/analysis/engine"
)

// sayUnresolved tells, on one line, how many imports of the checked
// files resolve to nothing and why; verbose lists each with its reason.
// only restricts it to some files (nil: all).
func sayUnresolved(w io.Writer, cwd string, snap *engine.Snapshot, only map[string]bool, verbose bool) {
	var list []engine.Unresolved
	for _, u := range snap.Unresolved() {
		if len(only) == 0 || only[u.Path] {
			list = append(list, u)
		}
	}
	summary := engine.UnresolvedSummary(list)
	if summary == "" {
		return
	}
	if !verbose {
		summary += "; --verbose lists them"
	}
	fmt.Fprintf(w, "rscls: %s: note: %s\n", relTo(cwd, snap.Root), summary)
	if !verbose {
		return
	}
	for _, u := range list {
		line := 0
		if src, err := snap.FS.ReadFile(u.Path); err == nil {
			line = 1 + bytes.Count(src[:min(int(u.Span.Start), len(src))], []byte("\n"))
		}
		fmt.Fprintf(w, "rscls: %s:%d: unresolved import %q: %s\n", relTo(cwd, u.Path), line, u.Specifier, u.Reason)
	}
}
