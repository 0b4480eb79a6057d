// Command firstdiag measures the language server on a real checkout: it
// starts `rscls serve` on the checkout, opens one file right after
// initialization and reports how long its first diagnostics, and its
// graph diagnostics, take after didOpen, and how long the server takes
// to index the workspace (until it reports ready), next to `rscls check`
// on the same tree. The file is opened with a misspelt directive added
// at its top, so that it has a finding of its own to publish. Each run
// is made cold (no fact cache) and warm (with a fact cache a previous
// run filled), several times, side by side.
//
//	go run ./scripts/firstdiag [-rscls BINARY] [-n RUNS] [-file REL] CHECKOUT
//
// The file opened is -file, or the checkout's first app page found.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	bin := flag.String("rscls", "", "rscls binary (default: build ./cmd/lsp/rscls into a temporary directory)")
	runs := flag.Int("n", 3, "runs of each measurement")
	file := flag.String("file", "", "file to open, relative to the checkout (default: the first app/**/page.tsx)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: firstdiag [-rscls BINARY] [-n RUNS] [-file REL] CHECKOUT\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*bin, flag.Arg(0), *file, *runs); err != nil {
		fmt.Fprintf(os.Stderr, "firstdiag: %v\n", err)
		os.Exit(1)
	}
}

func run(bin, root, file string, runs int) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "firstdiag")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "rscls")
		build := exec.Command("go", "build", "-o", bin, "./cmd/lsp/rscls")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building rscls (run from the repository root, or pass -rscls): %v", err)
		}
	}
	if file == "" {
		if file, err = firstPage(root); err != nil {
			return err
		}
	}
	path := filepath.Join(root, filepath.FromSlash(file))
	cache := filepath.Join(tmp, "cache")
	fmt.Printf("checkout %s, opened %s, %d runs\n\n", root, file, runs)
	fmt.Println("| run | check --no-cache s | server: first diags s | graph diags s | ready s | ready/check |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	var rows [][4]float64
	var warm [][3]float64
	for i := 0; i < runs; i++ {
		check, err := timeCheck(bin, root)
		if err != nil {
			return err
		}
		cold, err := session(bin, root, path, "off")
		if err != nil {
			return err
		}
		rows = append(rows, [4]float64{check, cold.first, cold.graph, cold.ready})
		fmt.Printf("| cold %d | %.2f | %.3f | %.3f | %.2f | %.2f |\n", i+1, check, cold.first, cold.graph, cold.ready, cold.ready/check)
		if i == 0 {
			if _, err := session(bin, root, path, cache); err != nil { // fills the cache
				return err
			}
		}
		w, err := session(bin, root, path, cache)
		if err != nil {
			return err
		}
		warm = append(warm, [3]float64{w.first, w.graph, w.ready})
		fmt.Printf("| warm %d | | %.3f | %.3f | %.2f | |\n", i+1, w.first, w.graph, w.ready)
	}
	med := func(get func(int) float64, n int) float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = get(i)
		}
		sort.Float64s(v)
		return v[n/2]
	}
	n := len(rows)
	fmt.Printf("\nmedians: cold first diagnostics %.3f s, graph %.3f s, ready %.2f s = %.2f× check (%.2f s); warm first %.3f s, graph %.3f s, ready %.2f s\n",
		med(func(i int) float64 { return rows[i][1] }, n), med(func(i int) float64 { return rows[i][2] }, n),
		med(func(i int) float64 { return rows[i][3] }, n), med(func(i int) float64 { return rows[i][3] / rows[i][0] }, n),
		med(func(i int) float64 { return rows[i][0] }, n),
		med(func(i int) float64 { return warm[i][0] }, n), med(func(i int) float64 { return warm[i][1] }, n), med(func(i int) float64 { return warm[i][2] }, n))
	return nil
}

// firstPage returns the first app/**/page.{tsx,jsx,ts,js} outside
// node_modules, in lexical order.
func firstPage(root string) (string, error) {
	var pages []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		switch d.Name() {
		case "page.tsx", "page.jsx", "page.ts", "page.js":
			if rel, err := filepath.Rel(root, p); err == nil && strings.Contains(filepath.ToSlash(rel), "app/") {
				pages = append(pages, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	if len(pages) == 0 {
		return "", fmt.Errorf("no app page in %s; pass -file", root)
	}
	sort.Strings(pages)
	return pages[0], nil
}

func timeCheck(bin, root string) (float64, error) {
	cmd := exec.Command(bin, "check", "--no-cache", "--format", "json", root)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	start := time.Now()
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		return 0, err
	}
	return time.Since(start).Seconds(), nil
}

type result struct{ first, graph, ready float64 }

// session runs one server: initialize, initialized, didOpen at once;
// first is the first publication for the file after didOpen, graph the
// first one after the server reported ready (the file's complete
// diagnostics), ready when it did.
func session(bin, root, path, cache string) (result, error) {
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "RSCLS_CACHE_DIR="+cache)
	in, err := cmd.StdinPipe()
	if err != nil {
		return result{}, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return result{}, err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	defer cmd.Wait()
	defer in.Close()
	var mu sync.Mutex
	send := func(msg map[string]any) {
		msg["jsonrpc"] = "2.0"
		data, _ := json.Marshal(msg)
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(in, "Content-Length: %d\r\n\r\n%s", len(data), data)
	}
	rootURI := fileURI(root)
	docURI := fileURI(path)
	text, err := os.ReadFile(path)
	if err != nil {
		return result{}, err
	}
	type event struct {
		method string
		params json.RawMessage
		id     json.RawMessage
		at     time.Time
	}
	events := make(chan event, 1024)
	go func() {
		defer close(events)
		r := bufio.NewReader(out)
		for {
			length := 0
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				line = strings.TrimSpace(line)
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					length, _ = strconv.Atoi(v)
				}
			}
			body := make([]byte, length)
			if _, err := io.ReadFull(r, body); err != nil {
				return
			}
			var m struct {
				Method string          `json:"method"`
				Params json.RawMessage `json:"params"`
				ID     json.RawMessage `json:"id"`
			}
			json.Unmarshal(body, &m)
			events <- event{m.Method, m.Params, m.ID, time.Now()}
		}
	}()
	send(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{
		"processId": nil, "rootUri": rootURI,
		"capabilities":     map[string]any{"window": map[string]any{"workDoneProgress": true}},
		"workspaceFolders": []map[string]string{{"uri": rootURI, "name": filepath.Base(root)}},
	}})
	for e := range events {
		if e.method == "" && string(e.id) == "1" {
			break
		}
	}
	send(map[string]any{"method": "initialized", "params": map[string]any{}})
	opened := time.Now()
	send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": docURI, "languageId": "typescriptreact", "version": 1, "text": "'use clinet'\n" + string(text)}}})
	var res result
	ready := false
	deadline := time.After(5 * time.Minute)
	for res.graph == 0 {
		var e event
		var ok bool
		select {
		case e, ok = <-events:
			if !ok {
				return res, fmt.Errorf("the server exited")
			}
		case <-deadline:
			return res, fmt.Errorf("no diagnostics for %s in 5 minutes", path)
		}
		switch {
		case e.method != "" && len(e.id) > 0: // a request: workDoneProgress/create, registerCapability
			send(map[string]any{"id": e.id, "result": nil})
		case e.method == "rscls/status" && bytes.Contains(e.params, []byte(`"ready"`)):
			if !ready {
				ready = true
				res.ready = e.at.Sub(opened).Seconds()
			}
		case e.method == "textDocument/publishDiagnostics":
			var p struct{ URI string }
			json.Unmarshal(e.params, &p)
			if p.URI != docURI {
				continue
			}
			if res.first == 0 {
				res.first = e.at.Sub(opened).Seconds()
			}
			if ready {
				res.graph = e.at.Sub(opened).Seconds()
			}
		}
		if ready && res.first > 0 && res.graph == 0 {
			// The file's complete findings were published with the index,
			// unless they equal what was published before: then the
			// first publication already was the complete one.
			res.graph = max(res.first, res.ready)
		}
	}
	send(map[string]any{"id": 2, "method": "shutdown"})
	for e := range events {
		if e.method == "" && string(e.id) == "2" {
			break
		}
	}
	send(map[string]any{"method": "exit"})
	return res, nil
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
