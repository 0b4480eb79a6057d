package lsp

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progressDelay is how long a run goes before it shows progress: a
// quick run prints nothing but its result. Tests shorten it.
var progressDelay = time.Second

// progressTick is how often the line is redrawn.
var progressTick = 100 * time.Millisecond

// progress shows, on a terminal's standard error, one line that says how
// far a long check is, and erases it when the check is done. It is nil
// (and its methods do nothing) when standard error is not a terminal, so
// that no pipe or log file ever holds it.
type progress struct {
	w     io.Writer
	start time.Time

	done, total atomic.Int64
	mu          sync.Mutex
	label       string
	shown       bool
	stop        chan struct{}
	stopped     chan struct{}
}

func startProgress(w io.Writer, t terminal) *progress {
	if !t.isTerminal {
		return nil
	}
	p := &progress{w: w, start: time.Now(), stop: make(chan struct{}), stopped: make(chan struct{})}
	go p.loop()
	return p
}

// files records how many of the workspace's files are analyzed; the
// engine calls it from its workers.
func (p *progress) files(done, total int) {
	if p == nil {
		return
	}
	p.total.Store(int64(total))
	// Calls may arrive out of order: keep the largest.
	for {
		old := p.done.Load()
		if int64(done) <= old || p.done.CompareAndSwap(old, int64(done)) {
			return
		}
	}
}

// phase names what the check does now (the workspace it loads).
func (p *progress) phase(label string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.label = label
	p.mu.Unlock()
	p.done.Store(0)
	p.total.Store(0)
}

func (p *progress) loop() {
	defer close(p.stopped)
	tick := time.NewTicker(progressTick)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
			if time.Since(p.start) >= progressDelay {
				p.draw()
			}
		}
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	done, total := int(p.done.Load()), int(p.total.Load())
	line := "rscls: " + p.label
	switch {
	case total == 0:
		line += ": finding files…"
	case done < total:
		line += fmt.Sprintf(": %s/%s files parsed", thousandsInt(done), thousandsInt(total))
	default:
		line += fmt.Sprintf(": %s files parsed, checking the module graph…", thousandsInt(total))
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	p.shown = true
}

// finish stops the display and erases its line, before anything else is
// written to the terminal.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.stopped
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

func thousandsInt(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
