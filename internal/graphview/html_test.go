package graphview

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/internal/osfs"
)

// The web page is proven in a real browser: Debian's chromium, headless,
// driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
// JSON messages ended by NUL on file descriptors 3 and 4). The test
// searches a module, clicks it, clicks another on the canvas, zooms and
// pans, as a person would, and fails on any script error or any request
// that leaves the page. Screenshots go to artifacts/ (or
// $RSCLS_ARTIFACTS).

// chromiumPath returns the browser, failing in CI when it is missing:
// .ci/run installs it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := os.Stat(exe); err != nil {
		msg := fmt.Sprintf("%s not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM", exe)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return exe
}

func artifactsDir(t *testing.T) string {
	dir := os.Getenv("RSCLS_ARTIFACTS")
	if dir == "" {
		dir = "artifacts"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(dir)
	return abs
}

type cdpMessage struct {
	ID        int                       `json:"id,omitempty"`
	Method    string                    `json:"method,omitempty"`
	Params    json.RawMessage           `json:"params,omitempty"`
	Result    json.RawMessage           `json:"result,omitempty"`
	Error     *struct{ Message string } `json:"error,omitempty"`
	SessionID string                    `json:"sessionId,omitempty"`
}

// browser is a headless chromium and one page in it.
type browser struct {
	t       *testing.T
	cmd     *exec.Cmd
	w       io.Writer
	mu      sync.Mutex
	next    int
	pending map[int]chan cdpMessage
	events  []cdpMessage
	session string
	stderr  bytes.Buffer
}

func startBrowser(t *testing.T) *browser {
	exe := chromiumPath(t)
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, w: cmdW, pending: map[int]chan cdpMessage{}}
	b.cmd = exec.Command(exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "--hide-scrollbars", "about:blank")
	b.cmd.ExtraFiles = []*os.File{cmdR, respW} // its fd 3 reads commands, fd 4 writes answers
	b.cmd.Stderr = &b.stderr
	if err := b.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	cmdR.Close()
	respW.Close()
	t.Cleanup(func() {
		cmdW.Close()
		b.cmd.Process.Kill()
		b.cmd.Wait()
	})
	go func() {
		r := bufio.NewReader(respR)
		for {
			raw, err := r.ReadBytes(0)
			if err != nil {
				return
			}
			var m cdpMessage
			if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
				continue
			}
			b.mu.Lock()
			if ch, ok := b.pending[m.ID]; ok && m.ID != 0 {
				delete(b.pending, m.ID)
				ch <- m
			} else if m.Method != "" {
				b.events = append(b.events, m)
			}
			b.mu.Unlock()
		}
	}()
	target := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"})
	var tr struct{ TargetID string }
	json.Unmarshal(target, &tr)
	attached := b.call("", "Target.attachToTarget", map[string]any{"targetId": tr.TargetID, "flatten": true})
	var at struct{ SessionID string }
	json.Unmarshal(attached, &at)
	b.session = at.SessionID
	for _, domain := range []string{"Page", "Runtime", "Log", "Network"} {
		b.call(b.session, domain+".enable", map[string]any{})
	}
	b.call(b.session, "Emulation.setDeviceMetricsOverride", map[string]any{"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": false})
	return b
}

func (b *browser) call(session, method string, params any) json.RawMessage {
	b.t.Helper()
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan cdpMessage, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	p, _ := json.Marshal(params)
	msg, _ := json.Marshal(cdpMessage{ID: id, Method: method, Params: p, SessionID: session})
	if _, err := b.w.Write(append(msg, 0)); err != nil {
		b.t.Fatalf("%s: %v\n%s", method, err, b.stderr.String())
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			b.t.Fatalf("%s: %s", method, m.Error.Message)
		}
		return m.Result
	case <-time.After(60 * time.Second):
		b.t.Fatalf("%s: no answer from chromium\n%s", method, b.stderr.String())
	}
	return nil
}

// eval runs JavaScript in the page and decodes its value into out.
func (b *browser) eval(expr string, out any) {
	b.t.Helper()
	res := b.call(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true})
	var r struct {
		Result           struct{ Value json.RawMessage }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	json.Unmarshal(res, &r)
	if r.ExceptionDetails != nil {
		b.t.Fatalf("%s: %s %s", expr, r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
	}
	if out != nil {
		if err := json.Unmarshal(r.Result.Value, out); err != nil {
			b.t.Fatalf("%s: %v (%s)", expr, err, r.Result.Value)
		}
	}
}

func (b *browser) open(file string) {
	b.t.Helper()
	b.call(b.session, "Page.navigate", map[string]any{"url": "file://" + file})
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ready string
		b.eval(`document.body ? (document.body.dataset.ready || '') : ''`, &ready)
		if ready == "true" {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("the page never became ready; events: %s", b.problems())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (b *browser) mouse(typ string, x, y float64, extra map[string]any) {
	p := map[string]any{"type": typ, "x": x, "y": y, "button": "left", "clickCount": 1}
	if typ == "mouseMoved" {
		p["button"] = "none"
	}
	for k, v := range extra {
		p[k] = v
	}
	b.call(b.session, "Input.dispatchMouseEvent", p)
}

func (b *browser) click(x, y float64) {
	b.mouse("mouseMoved", x, y, nil)
	b.mouse("mousePressed", x, y, nil)
	b.mouse("mouseReleased", x, y, nil)
}

// problems lists script errors, console errors and requests that leave
// the page.
func (b *browser) problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, e := range b.events {
		switch e.Method {
		case "Runtime.exceptionThrown":
			out = append(out, "exception: "+string(e.Params))
		case "Runtime.consoleAPICalled":
			var p struct{ Type string }
			json.Unmarshal(e.Params, &p)
			if p.Type == "error" || p.Type == "warning" {
				out = append(out, "console: "+string(e.Params))
			}
		case "Log.entryAdded":
			var p struct{ Entry struct{ Level, Text string } }
			json.Unmarshal(e.Params, &p)
			if p.Entry.Level == "error" {
				out = append(out, "log: "+p.Entry.Text)
			}
		case "Network.requestWillBeSent":
			var p struct{ Request struct{ URL string } }
			json.Unmarshal(e.Params, &p)
			if !strings.HasPrefix(p.Request.URL, "file://") && !strings.HasPrefix(p.Request.URL, "data:") {
				out = append(out, "request: "+p.Request.URL)
			}
		}
	}
	return out
}

// screenshot saves the page and returns the picture's pixels of one colour.
func (b *browser) screenshot(name string, rgb [3]uint8) (path string, count int) {
	b.t.Helper()
	res := b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png"})
	var r struct{ Data string }
	json.Unmarshal(res, &r)
	data, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil {
		b.t.Fatal(err)
	}
	path = filepath.Join(artifactsDir(b.t), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		b.t.Fatal(err)
	}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == rgb[0] && uint8(g>>8) == rgb[1] && uint8(bl>>8) == rgb[2] {
				count++
			}
		}
	}
	return path, count
}

func writePage(t *testing.T, d *Diagram) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "html", d); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	// Everything is inside: no link, no source, no address to fetch.
	for _, bad := range []string{"<link", " src=", "href=", "http://", "https://", "import("} {
		if strings.Contains(page, bad) {
			t.Errorf("the page refers to something outside it: %q", bad)
		}
	}
	path := filepath.Join(t.TempDir(), "graph.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func exampleDiagram(t *testing.T) *Diagram {
	root, err := filepath.Abs("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := engine.Load(context.Background(), osfs.NewConfined(root), root, engine.Options{Analyzers: suite.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	return Describe(snap)
}

func TestHTMLInBrowser(t *testing.T) {
	b := startBrowser(t)
	d := exampleDiagram(t)
	b.open(writePage(t, d))

	var counts string
	b.eval(`document.getElementById('counts').textContent`, &counts)
	if want := fmt.Sprintf("%d modules · %d imports", len(d.Nodes), len(d.Edges)); counts != want {
		t.Errorf("counts %q, want %q", counts, want)
	}

	// Search a module and pick it from the list with the mouse.
	b.eval(`document.getElementById('search').focus()`, nil)
	b.call(b.session, "Input.insertText", map[string]any{"text": "like"})
	var hits []string
	b.eval(`[...document.querySelectorAll('#results li')].map(li => li.textContent)`, &hits)
	if len(hits) != 1 || hits[0] != "components/like-button.tsx" {
		t.Fatalf("search results %q", hits)
	}
	var rect struct{ X, Y float64 }
	b.eval(`(() => { const r = document.querySelector('#results li').getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()`, &rect)
	b.click(rect.X, rect.Y)
	var sel string
	b.eval(`window.rsclsGraph.selected`, &sel)
	if sel != "components/like-button.tsx" {
		t.Fatalf("selected %q after clicking the search result", sel)
	}
	var panel string
	var chain []string
	b.eval(`document.getElementById('panel').innerText`, &panel)
	b.eval(`[...document.querySelectorAll('ol.chain[data-env=server] a')].map(a => a.textContent)`, &chain)
	if !strings.Contains(panel, "Runs on the server.") || strings.Join(chain, " → ") != "app/page.tsx → components/post.tsx → components/like-button.tsx" {
		t.Errorf("panel for like-button.tsx:\n%s\nserver chain %q", panel, chain)
	}

	// Click a module where it is drawn: a boundary, on the client, reached
	// from the page.
	var at struct{ X, Y float64 }
	b.eval(`window.rsclsGraph.screenPos('components/user-menu.tsx')`, &at)
	b.click(at.X, at.Y)
	b.eval(`window.rsclsGraph.selected`, &sel)
	b.eval(`[...document.querySelectorAll('ol.chain[data-env=client] a')].map(a => a.textContent)`, &chain)
	if sel != "components/user-menu.tsx" || strings.Join(chain, " → ") != "app/page.tsx → components/user-menu.tsx" {
		t.Errorf("clicking user-menu.tsx on the canvas: selected %q, client chain %q", sel, chain)
	}
	// The whole graph, with the selection and its chain.
	b.eval(`document.getElementById('fit').click()`, nil)
	shot, boundaryPixels := b.screenshot("graph-example.png", [3]uint8{0xff, 0xc1, 0x07})
	t.Logf("screenshot: %s", shot)
	if boundaryPixels < 500 {
		t.Errorf("%s shows %d pixels of the boundary colour: the graph is not drawn", shot, boundaryPixels)
	}

	// Zoom in with the wheel, then pan by dragging.
	type viewState struct{ X, Y, K float64 }
	var before, after viewState
	b.eval(`({...window.rsclsGraph.view})`, &before)
	b.mouse("mouseWheel", 600, 400, map[string]any{"deltaX": 0, "deltaY": -400})
	b.eval(`({...window.rsclsGraph.view})`, &after)
	if after.K <= before.K*1.5 {
		t.Errorf("the wheel did not zoom in: %v → %v", before, after)
	}
	before = after
	b.mouse("mouseMoved", 300, 300, nil)
	b.mouse("mousePressed", 300, 300, nil)
	b.mouse("mouseMoved", 350, 330, map[string]any{"buttons": 1})
	b.mouse("mouseMoved", 400, 360, map[string]any{"buttons": 1})
	b.mouse("mouseReleased", 400, 360, nil)
	b.eval(`({...window.rsclsGraph.view})`, &after)
	if after.X-before.X != 100 || after.Y-before.Y != 60 || after.K != before.K {
		t.Errorf("dragging by (100, 60) moved the view %v → %v", before, after)
	}
	b.eval(`window.rsclsGraph.selected`, &sel)
	if sel != "components/user-menu.tsx" {
		t.Errorf("a drag changed the selection to %q", sel)
	}
	if p := b.problems(); len(p) > 0 {
		t.Errorf("the page had problems:\n%s", strings.Join(p, "\n"))
	}
}

// TestHTMLAtScale opens the page of a graph the size of dub's (about
// 3,900 modules and 14,000 imports) and searches it.
func TestHTMLAtScale(t *testing.T) {
	b := startBrowser(t)
	d := &Diagram{}
	const n = 4000
	kinds := []string{"server", "client", "shared", "boundary", "serverFunctions", "package"}
	for i := range n {
		node := Node{ID: fmt.Sprintf("src/m%04d.tsx", i), Kind: kinds[i%len(kinds)], Envs: []string{"server"}}
		if i%50 == 0 {
			node.Role = "page"
		}
		node.Chains = map[string][]string{"server": {node.ID}}
		d.Nodes = append(d.Nodes, node)
	}
	for i := range n {
		for _, j := range []int{(i*7 + 1) % n, (i*13 + 2) % n, (i*3 + 5) % n, (i + 1) % n} {
			if j != i && len(d.Edges) < 14000 {
				d.Edges = append(d.Edges, Edge{From: d.Nodes[i].ID, To: d.Nodes[j].ID, Env: "server", Boundary: d.Nodes[j].Kind == "boundary"})
			}
		}
	}
	start := time.Now()
	b.open(writePage(t, d))
	t.Logf("%d modules, %d imports: ready in %v", n, len(d.Edges), time.Since(start))
	b.eval(`document.getElementById('search').focus()`, nil)
	b.call(b.session, "Input.insertText", map[string]any{"text": "m3999"})
	b.call(b.session, "Input.dispatchKeyEvent", map[string]any{"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13})
	var sel string
	b.eval(`window.rsclsGraph.selected`, &sel)
	if sel != "src/m3999.tsx" {
		t.Errorf("Enter in the search selected %q", sel)
	}
	shot, _ := b.screenshot("graph-large.png", [3]uint8{})
	t.Logf("screenshot: %s", shot)
	var shown int
	b.eval(`document.querySelectorAll('#panel li').length`, &shown)
	if shown < 2 {
		t.Errorf("the panel of src/m3999.tsx lists %d modules", shown)
	}
	if p := b.problems(); len(p) > 0 {
		t.Errorf("the page had problems:\n%s", strings.Join(p, "\n"))
	}
}
