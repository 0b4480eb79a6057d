package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/uri"
)

// lockedBuffer is a bytes.Buffer the server's goroutines may write to
// while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeLogsOnce runs `rscls serve --stdio --log FILE` the way
// vscode-languageclient and Neovim start it: the --stdio flag is accepted,
// an empty Lua table's [] as initializationOptions draws no warning, and
// once the editor is connected each log line reaches it as
// window/logMessage and not also on stderr, which editors record too. The
// log file gets every line.
func TestServeLogsOnce(t *testing.T) {
	t.Setenv("RSCLS_CACHE_DIR", "off")
	logFile := filepath.Join(t.TempDir(), "rscls.log")
	inR, inW, _ := os.Pipe()
	outR, outW, _ := os.Pipe()
	var stderr lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- runServe([]string{"--stdio", "--log", logFile}, inR, outW, &stderr)
		outW.Close()
	}()

	var mu sync.Mutex
	var editorLog []string
	ready := make(chan struct{}, 8)
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(stdioPipe{outR, inW}))
	conn.Go(context.Background(), func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		switch req.Method() {
		case "window/logMessage":
			var p struct{ Message string }
			json.Unmarshal(req.Params(), &p)
			mu.Lock()
			editorLog = append(editorLog, p.Message)
			mu.Unlock()
		case "rscls/status":
			if strings.Contains(string(req.Params()), `"ready"`) {
				ready <- struct{}{}
			}
		}
		return nil, nil
	})
	defer conn.Close()

	root, _ := filepath.Abs("../../testdata/example")
	params, _ := json.Marshal(map[string]any{
		"processId": nil, "rootUri": uri.File(root), "capabilities": map[string]any{},
		"initializationOptions": []any{},
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := conn.Call(ctx, "initialize", jsonrpc2.RawMessage(params), nil); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, "initialized", map[string]any{})
	select {
	case <-ready:
	case <-ctx.Done():
		t.Fatalf("no ready status; stderr:\n%s", stderr.String())
	}
	if _, err := conn.Call(ctx, "shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, "exit", nil)
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
	case <-ctx.Done():
		t.Fatal("the server did not exit")
	}

	mu.Lock()
	joined := strings.Join(editorLog, "\n")
	mu.Unlock()
	if !strings.Contains(joined, "analyzed ") {
		t.Errorf("the editor's log lacks the analysis line:\n%s", joined)
	}
	if s := stderr.String(); strings.Contains(s, "analyzed ") || strings.Contains(s, "initializationOptions") {
		t.Errorf("stderr repeats the editor's log or warns about []:\n%s", s)
	}
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "analyzed ") {
		t.Errorf("the log file lacks the analysis line:\n%s", data)
	}
	if strings.Contains(joined, "in 0s") {
		t.Errorf("a duration rounds to 0s:\n%s", joined)
	}
}
