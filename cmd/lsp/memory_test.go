package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/internal/test/synth"
)

// procKB reads a /proc/<pid>/status field in kilobytes.
func procKB(pid int, field string) int {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	return 0
}

type stdioPipe struct {
	r *os.File
	w *os.File
}

func (p stdioPipe) Read(b []byte) (int, error)  { return p.r.Read(b) }
func (p stdioPipe) Write(b []byte) (int, error) { return p.w.Write(b) }
func (p stdioPipe) Close() error                { p.w.Close(); return p.r.Close() }

// BenchmarkServerMemory starts the rscls binary as a language server on a
// 10k-file synthetic workspace, waits for its first analysis, and reports
// its resident memory: peak and after the analysis settled.
func BenchmarkServerMemory(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "rscls")
	if out, err := exec.Command("go", "build", "-o", bin, "./rscls").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	ws := synth.Generate(synth.Options{Files: 10000, Seed: 1})
	root := b.TempDir()
	if err := ws.WriteTo(root); err != nil {
		b.Fatal(err)
	}
	var peak, settled int
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "serve")
		cmd.Env = append(os.Environ(), "RSCLS_CACHE_DIR=off")
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		ready := make(chan struct{}, 8)
		conn := jsonrpc2.NewConn(jsonrpc2.NewStream(stdioPipe{stdout.(*os.File), stdin.(*os.File)}))
		conn.Go(context.Background(), func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
			if req.Method() == "rscls/status" && strings.Contains(string(req.Params()), `"ready"`) {
				ready <- struct{}{}
			}
			return nil, nil
		})
		params, _ := json.Marshal(map[string]any{"processId": nil, "rootUri": uri.File(root), "capabilities": map[string]any{}})
		if _, err := conn.Call(context.Background(), "initialize", jsonrpc2.RawMessage(params), nil); err != nil {
			b.Fatal(err)
		}
		conn.Notify(context.Background(), "initialized", map[string]any{})
		select {
		case <-ready:
		case <-time.After(5 * time.Minute):
			b.Fatal("no analysis")
		}
		time.Sleep(500 * time.Millisecond) // let the collector catch up
		peak += procKB(cmd.Process.Pid, "VmHWM")
		settled += procKB(cmd.Process.Pid, "VmRSS")
		conn.Call(context.Background(), "shutdown", nil, nil)
		conn.Notify(context.Background(), "exit", nil)
		cmd.Wait()
		conn.Close()
	}
	b.ReportMetric(float64(peak)/1024/float64(b.N), "peak-RSS-MB")
	b.ReportMetric(float64(settled)/1024/float64(b.N), "RSS-MB")
}
