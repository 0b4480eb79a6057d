package protocol

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"

	lsp "go.lsp.dev/protocol"

	"github.com/rscls/rscls/analysis/vfs"
)

func (s *Server) applyLogLevel(st *settings) {
	if st != nil && st.server.LogLevel != nil {
		if level, ok := parseLevel(*st.server.LogLevel); ok {
			s.log.setLevel(level)
		}
	}
}

// projectRootOf walks up from dir to the nearest directory that looks like
// a project root, for files opened outside any workspace folder.
func projectRootOf(fsys vfs.FS, dir string) string {
	markers := []string{"package.json", "rscls.json", ".git", "next.config.js", "next.config.mjs", "next.config.ts"}
	for d := dir; ; {
		for _, m := range markers {
			if _, err := fsys.Stat(filepath.Join(d, m)); err == nil {
				return d
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// progressReporter reports work-done progress to clients that support it.
// A nil reporter does nothing.
type progressReporter struct {
	s     *Server
	token lsp.ProgressToken
}

var progressSeq atomic.Int64

// beginProgress starts a progress report, or returns nil when the client
// does not support it.
func (s *Server) beginProgress(title string) *progressReporter {
	if !s.caps.workDoneProgress {
		return nil
	}
	token := lsp.String(fmt.Sprintf("rscls-%d", progressSeq.Add(1)))
	ctx, cancel := context.WithTimeout(context.Background(), 5e9)
	defer cancel()
	if err := s.client.WorkDoneProgressCreate(ctx, &lsp.WorkDoneProgressCreateParams{Token: token}); err != nil {
		s.log.debugf("progress: %v", err)
		return nil
	}
	p := &progressReporter{s: s, token: token}
	p.send(&lsp.WorkDoneProgressBegin{Kind: "begin", Title: title, Percentage: ptr(uint32(0))})
	return p
}

func (p *progressReporter) send(v any) {
	value, err := lsp.Marshal(v)
	if err != nil {
		return
	}
	p.s.notify("$/progress", &lsp.ProgressParams{Token: p.token, Value: value})
}

func (p *progressReporter) report(msg string, pct uint32) {
	if p != nil {
		p.send(&lsp.WorkDoneProgressReport{Kind: "report", Message: &msg, Percentage: &pct})
	}
}

func (p *progressReporter) end(msg string) {
	if p != nil {
		e := &lsp.WorkDoneProgressEnd{Kind: "end"}
		if msg != "" {
			e.Message = &msg
		}
		p.send(e)
	}
}
