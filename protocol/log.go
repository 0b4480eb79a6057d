package protocol

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	lsp "go.lsp.dev/protocol"
)

// Log levels, most severe first: indexes into LogLevels.
const (
	levelError int32 = iota
	levelWarn
	levelInfo
	levelDebug
)

func parseLevel(s string) (int32, bool) {
	for i, name := range LogLevels {
		if name == s {
			return int32(i), true
		}
	}
	return levelInfo, false
}

// logger writes messages at or above the chosen level to the log file and
// to the editor's log, or to the console while the editor cannot take them.
type logger struct {
	mu      sync.Mutex
	file    io.Writer
	console io.Writer
	level   atomic.Int32
	s       *Server
}

func newLogger(file, console io.Writer, s *Server) *logger {
	l := &logger{file: file, console: console, s: s}
	l.level.Store(levelInfo)
	return l
}

func (l *logger) setLevel(level int32) { l.level.Store(level) }

func (l *logger) logf(level int32, format string, args ...any) {
	l.write(level, l.s != nil && l.s.initialized.Load() && !l.s.stopped(), format, args...)
}

// localf logs to the file and the console only.
func (l *logger) localf(level int32, format string, args ...any) {
	l.write(level, false, format, args...)
}

func (l *logger) write(level int32, toEditor bool, format string, args ...any) {
	if level > l.level.Load() {
		return
	}
	msg := fmt.Sprintf(format, args...)
	line := fmt.Sprintf("%s %s: %s\n", time.Now().Format("15:04:05.000"), LogLevels[level], msg)
	l.mu.Lock()
	io.WriteString(l.file, line)
	if !toEditor {
		io.WriteString(l.console, line)
	}
	l.mu.Unlock()
	if toEditor {
		types := [...]lsp.MessageType{lsp.MessageTypeError, lsp.MessageTypeWarning, lsp.MessageTypeInfo, lsp.MessageTypeLog}
		l.s.notify("window/logMessage", &lsp.LogMessageParams{Type: types[level], Message: msg})
	}
}

// roundDuration keeps durations under a millisecond readable instead of
// rounding them to 0s.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return d.Round(time.Millisecond)
}

func (l *logger) errorf(format string, args ...any) { l.logf(levelError, format, args...) }
func (l *logger) warnf(format string, args ...any)  { l.logf(levelWarn, format, args...) }
func (l *logger) infof(format string, args ...any)  { l.logf(levelInfo, format, args...) }
func (l *logger) debugf(format string, args ...any) { l.logf(levelDebug, format, args...) }
