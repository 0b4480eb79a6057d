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
//	go run ./scripts/firstdiag [-rscls BINARY] [-vs OTHER] [-n RUNS] [-file REL] CHECKOUT
//
// The file opened is -file, or the checkout's first app page found. With
// -vs OTHER, another binary is measured in turn with it, run by run, and
// the ratios are taken pair by pair: a shared machine's speed drifts more
// between minutes than between two runs in a row.
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
	vs := flag.String("vs", "", "another rscls binary, measured in turn with the first")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: firstdiag [-rscls BINARY] [-vs OTHER] [-n RUNS] [-file REL] CHECKOUT\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*bin, *vs, flag.Arg(0), *file, *runs); err != nil {
		fmt.Fprintf(os.Stderr, "firstdiag: %v\n", err)
		os.Exit(1)
	}
}

func run(bin, vs, root, file string, runs int) error {
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
	fmt.Printf("checkout %s, opened %s, %d runs\n\n", root, file, runs)
	fmt.Println("| run | check --no-cache s | server: first diags s | graph diags s | ready s | ready/check |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	bins := []string{bin}
	if vs != "" {
		bins = append(bins, vs)
	}
	samples := make([][]sample, len(bins))
	for i := 0; i < runs; i++ {
		for b, exe := range bins {
			name := fmt.Sprint(i + 1)
			if vs != "" {
				name = fmt.Sprintf("%d %s", i+1, filepath.Base(exe))
			}
			sm, err := measure(exe, root, path, filepath.Join(tmp, fmt.Sprintf("cache%d", b)), i == 0, name)
			if err != nil {
				return err
			}
			samples[b] = append(samples[b], sm)
		}
	}
	med := func(get func(int) float64, n int) float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = get(i)
		}
		sort.Float64s(v)
		return v[n/2]
	}
	for b, exe := range bins {
		rows := samples[b]
		n := len(rows)
		fmt.Printf("\nmedians of %s: cold first diagnostics %.3f s, graph %.3f s, ready %.2f s = %.2f× check (%.2f s); warm first %.3f s, graph %.3f s, ready %.2f s\n", exe,
			med(func(i int) float64 { return rows[i].cold.first }, n), med(func(i int) float64 { return rows[i].cold.graph }, n),
			med(func(i int) float64 { return rows[i].cold.ready }, n), med(func(i int) float64 { return rows[i].cold.ready / rows[i].check }, n),
			med(func(i int) float64 { return rows[i].check }, n),
			med(func(i int) float64 { return rows[i].warm.first }, n), med(func(i int) float64 { return rows[i].warm.graph }, n), med(func(i int) float64 { return rows[i].warm.ready }, n))
	}
	if vs != "" {
		a, o := samples[0], samples[1]
		fmt.Printf("\n%s against %s, pair by pair (medians): check %.2f×, cold graph %.2f×, warm first %.2f×, warm graph %.2f×\n", bin, vs,
			med(func(i int) float64 { return a[i].check / o[i].check }, runs),
			med(func(i int) float64 { return a[i].cold.graph / o[i].cold.graph }, runs),
			med(func(i int) float64 { return a[i].warm.first / o[i].warm.first }, runs),
			med(func(i int) float64 { return a[i].warm.graph / o[i].warm.graph }, runs))
	}
	return nil
}

// sample is one run of a binary: rscls check without the cache, a
// session without the cache and one with it.
type sample struct {
	check      float64
	cold, warm result
}

// measure makes one run of bin and prints its rows; fill first fills
// the cache.
func measure(bin, root, path, cache string, fill bool, name string) (sample, error) {
	var sm sample
	var err error
	if sm.check, err = timeCheck(bin, root); err != nil {
		return sm, err
	}
	if sm.cold, err = session(bin, root, path, "off"); err != nil {
		return sm, err
	}
	fmt.Printf("| cold %s | %.2f | %.3f | %.3f | %.2f | %.2f |\n", name, sm.check, sm.cold.first, sm.cold.graph, sm.cold.ready, sm.cold.ready/sm.check)
	if fill {
		if _, err := session(bin, root, path, cache); err != nil {
			return sm, err
		}
	}
	if sm.warm, err = session(bin, root, path, cache); err != nil {
		return sm, err
	}
	fmt.Printf("| warm %s | | %.3f | %.3f | %.2f | |\n", name, sm.warm.first, sm.warm.graph, sm.warm.ready)
	return sm, nil
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
