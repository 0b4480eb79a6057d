//go:build linux

package lsp

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal: what the program writes to the
// terminal end, tty, the test reads from pty. It sets a width of 120
// columns.
func openPTY(t *testing.T) (pty, tty *os.File) {
	t.Helper()
	pty, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(pty.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetPointerInt(int(pty.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 40, Col: 120}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pty.Close(); tty.Close() })
	return pty, tty
}

// screen collects what a pseudo-terminal shows, as it comes.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func record(pty *os.File) *screen {
	s := &screen{}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := pty.Read(b)
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return s
}

func (s *screen) waitFor(t *testing.T, want string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if got := s.String(); strings.Contains(got, want) {
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("the terminal never showed %q; it shows:\n%q", want, s.String())
	return ""
}

func manyFiles(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"package.json":   `{"dependencies":{"next":"15.0.0"}}`,
		"lib/actions.ts": "'use server'\nexport const x = 1\n",
	}
	// The page imports every module, so that each is parsed (a module
	// nothing imports is only read) and the check lasts a few ticks.
	var page strings.Builder
	for i := range 400 {
		files[fmt.Sprintf("lib/m%03d.ts", i)] = fmt.Sprintf("export function f%d(a: number) {\n  return a * %d\n}\n", i, i)
		fmt.Fprintf(&page, "import { f%d } from '../lib/m%03d'\n", i, i)
	}
	files["app/page.tsx"] = page.String() + "export default function P() { return null }\n"
	writeFiles(t, dir, files)
	return dir
}

// TestTerminalOutput runs rscls check with its output on a terminal:
// colours, the progress line on standard error (erased before the
// summary), the width of the terminal; then with NO_COLOR.
func TestTerminalOutput(t *testing.T) {
	dir := manyFiles(t)
	t.Setenv("RSCLS_CACHE_DIR", "off")
	t.Setenv("NO_COLOR", "")
	t.Setenv("FORCE_COLOR", "")
	oldDelay, oldTick := progressDelay, progressTick
	progressDelay, progressTick = 0, time.Millisecond
	t.Cleanup(func() { progressDelay, progressTick = oldDelay, oldTick })

	pty, tty := openPTY(t)
	scr := record(pty)
	code := run([]string{"check", dir}, strings.NewReader(""), tty, tty)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	got := scr.waitFor(t, "files in")
	for _, want := range []string{
		"\x1b[1m\x1b[31merror\x1b[0m\x1b[0m",       // the severity, bold and red
		"/402 files parsed",                        // the progress line
		"\x1b[31m✖\x1b[0m \x1b[1m1 problem\x1b[0m", // the summary
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the terminal lacks %q:\n%q", want, got)
		}
	}
	// The progress line is erased before anything else is written.
	last := strings.LastIndex(got, "files parsed")
	if rest := got[last:]; strings.Index(rest, "\r\x1b[K\x1b[1m") != strings.Index(rest, "\r\x1b[K") || strings.Index(rest, "\r\x1b[K") > strings.Index(rest, "error") {
		t.Errorf("the progress line is not erased before the findings:\n%q", rest)
	}

	t.Setenv("NO_COLOR", "1")
	pty, tty = openPTY(t)
	scr = record(pty)
	run([]string{"check", dir}, strings.NewReader(""), tty, tty)
	got = scr.waitFor(t, "files in")
	if strings.Contains(got, "\x1b[1m") || strings.Contains(got, "\x1b[31m") {
		t.Errorf("NO_COLOR: colours on the terminal:\n%q", got)
	}
	if !strings.Contains(got, "files parsed") {
		t.Errorf("NO_COLOR turned the progress line off:\n%q", got)
	}
}

// TestPipedOutput: no colour and no progress in a pipe, unless
// FORCE_COLOR asks for colour.
func TestPipedOutput(t *testing.T) {
	dir := manyFiles(t)
	t.Setenv("RSCLS_CACHE_DIR", "off")
	t.Setenv("NO_COLOR", "")
	oldDelay, oldTick := progressDelay, progressTick
	progressDelay, progressTick = 0, time.Millisecond
	t.Cleanup(func() { progressDelay, progressTick = oldDelay, oldTick })
	for _, force := range []string{"", "1", "0"} {
		t.Setenv("FORCE_COLOR", force)
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan []byte)
		go func() { b, _ := io.ReadAll(r); done <- b }()
		run([]string{"check", dir}, strings.NewReader(""), w, w)
		w.Close()
		out := string(<-done)
		if strings.Contains(out, "\r") || strings.Contains(out, "files parsed") {
			t.Errorf("FORCE_COLOR=%q: progress in a pipe:\n%q", force, out)
		}
		if colored := strings.Contains(out, "\x1b["); colored != (force == "1") {
			t.Errorf("FORCE_COLOR=%q: colours %v in a pipe:\n%q", force, colored, out)
		}
	}
}

// TestBareServerOnTerminal: rscls typed at a prompt says what it waits
// for, and ends at Ctrl-D.
func TestBareServerOnTerminal(t *testing.T) {
	pty, tty := openPTY(t)
	var errOut, out bytes.Buffer
	var mu sync.Mutex
	exited := make(chan int)
	go func() {
		code := run(nil, tty, &lockedWriter{w: &out, mu: &mu}, &lockedWriter{w: &errOut, mu: &mu})
		exited <- code
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		said := errOut.String()
		mu.Unlock()
		if strings.Contains(said, "waits for an editor's LSP messages on standard input") && strings.Contains(said, "rscls --help") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no word on standard error: %q", said)
		}
		time.Sleep(10 * time.Millisecond)
	}
	pty.Write([]byte{4}) // Ctrl-D: the end of input
	select {
	case code := <-exited:
		if code != 0 && code != 1 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not end at Ctrl-D")
	}
	if out.Len() != 0 {
		t.Errorf("standard output holds %q; it is LSP's", out.String())
	}
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
