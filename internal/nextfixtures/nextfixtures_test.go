package nextfixtures

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/analysis/vfs"
)

var update = flag.Bool("update", false, "rewrite EXPECTED and the coverage table of SOURCE.md")
var listAll = flag.Bool("cases", false, "log the outcome of every case, not only the failing ones")

const (
	fixturesDir  = "../../testdata/nextjs-errors"
	expectedFile = "EXPECTED"
	sourceFile   = "SOURCE.md"
	tableBegin   = "<!-- coverage:begin (written by go test ./internal/nextfixtures -update) -->"
	tableEnd     = "<!-- coverage:end -->"
	projectRoot  = "/fixture"
)

// inputNames are the fixture modules of a case directory: the Next.js
// harness compiles input.js, page.js and route.js; sitemap.js is the one
// Pages Router module kept as a regression guard.
var inputNames = []string{"input.js", "page.js", "route.js", "sitemap.js"}

// entryByOldHarness are fixtures named input.js whose expected outcome
// depends on the entry-file test ([\\/](page|layout|route)\.(ts|js)x?$):
// the harness of their time compiled every fixture as
// /some-project/src/page.js, so they are placed as page.js.
var entryByOldHarness = map[string]bool{
	"react-server-components/client-graph/generate-metadata":     true,
	"react-server-components/client-graph/get-server-side-props": true,
	"react-server-components/client-graph/get-static-props":      true,
	"react-server-components/client-graph/metadata":              true,
	"react-server-components/server-graph/get-server-side-props": true,
	"react-server-components/server-graph/get-static-props":      true,
	"react-server-components/server-graph/metadata":              true,
}

// notScored are cases whose expected outcome is not a statement about a
// `next build`; they are run and shown but count neither way.
var notScored = map[string]string{
	"react-server-components/client-graph/dynamic-ssr-false": "historical: ssr: false is allowed in Client Components since Next.js 15; the fixture's only stored stderr predates that",
	"server-actions-turbopack-rsc/1":                         "silence of the Server Actions transform alone in Turbopack's RSC layer; a build also compiles the module for the client, where the inline action is an error",
	"server-actions-turbopack-rsc/2":                         "silence of the Server Actions transform alone; a build also runs the RSC validator, which rejects the misplaced 'use client'",
}

// setting is what the Next.js harness configures for a fixture.
type setting struct {
	serverLayer bool   // compiled for the React Server Components layer
	appDir      bool   // under the configured app directory
	pages       bool   // client graph outside the app directory: the Pages Router
	config      string // next.config.js that sets the same flags
	next        string // the version of Next.js the flags belong to
}

func settingFor(rel string) setting {
	parts := strings.Split(rel, "/")
	has := func(name string) bool {
		for _, p := range parts {
			if p == name {
				return true
			}
		}
		return false
	}
	s := setting{serverLayer: has("server-graph"), appDir: has("app-dir"), next: "16.0.0"}
	switch parts[0] {
	case "react-server-components":
		var flags []string
		if has("cache-components") {
			flags = append(flags, "cacheComponents: true")
		}
		var experimental []string
		if has("use-cache") {
			experimental = append(experimental, "useCache: true")
		}
		if has("dynamic-io") {
			// experimental.dynamicIO is the name Next.js 15 gave Cache
			// Components; 16 no longer reads it.
			experimental = append(experimental, "dynamicIO: true")
			s.next = "15.1.0"
		}
		if len(experimental) > 0 {
			flags = append(flags, "experimental: { "+strings.Join(experimental, ", ")+" }")
		}
		s.config = configModule(flags...)
		// Without an app directory the harness's messages speak of the
		// Pages Router: that is where such a client module lives.
		s.pages = !s.serverLayer && !s.appDir
	case "server-actions", "server-actions-turbopack-rsc":
		s.config = configModule("cacheComponents: true", "experimental: { useCache: true }")
		if parts[0] == "server-actions-turbopack-rsc" {
			s.serverLayer = true
		}
	case "use-cache-not-allowed":
		s.serverLayer = true
		s.config = configModule("cacheHandlers: { x: './cache-handler-x.js' }")
	}
	return s
}

func configModule(entries ...string) string {
	if len(entries) == 0 {
		return "module.exports = {}\n"
	}
	return "module.exports = {\n  " + strings.Join(entries, ",\n  ") + ",\n}\n"
}

// testCase is one fixture directory.
type testCase struct {
	rel      string // directory relative to the fixtures, with slashes
	input    string // file name of the fixture module
	src      []byte
	expected []expectedError
	hasErr   bool // output.stderr exists (and is not empty)
}

// expectedError is one `x` entry of output.stderr: the lines Next points at.
type expectedError struct {
	message string
	lines   map[int]bool // 1-based
}

func loadCases(t *testing.T) []*testCase {
	t.Helper()
	var cases []*testCase
	err := filepath.WalkDir(fixturesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if !contains(inputNames, name) {
			return nil
		}
		dir := filepath.Dir(p)
		rel, _ := filepath.Rel(fixturesDir, dir)
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		c := &testCase{rel: filepath.ToSlash(rel), input: name, src: src}
		stderr, err := os.ReadFile(filepath.Join(dir, "output.stderr"))
		if err == nil && len(bytes.TrimSpace(stderr)) > 0 {
			c.hasErr = true
			c.expected, err = parseStderr(stderr)
			if err != nil {
				return fmt.Errorf("%s: %v", c.rel, err)
			}
		}
		cases = append(cases, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, c := range cases {
		if other, dup := seen[c.rel]; dup {
			t.Fatalf("%s holds two fixture modules, %s and %s", c.rel, other, c.input)
		}
		seen[c.rel] = c.input
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].rel < cases[j].rel })
	return cases
}

var (
	headerRE    = regexp.MustCompile(`^\s*,-\[[^\]:]+:(\d+):\d+\]`)
	codeLineRE  = regexp.MustCompile(`^\s*(\d+) \|(.*)$`)
	labelLineRE = regexp.MustCompile(`^\s+: .*\^`)
)

// parseStderr reads miette's narrated output as the swc test harness
// writes it. An entry starts with "  x "; its snippet opens with
// ",-[input.js:L:C]"; labelled lines are followed by a ": ^^^" marker
// line, and a span over several lines runs from ",->" to "`->".
func parseStderr(data []byte) ([]expectedError, error) {
	var out []expectedError
	var cur *expectedError
	prevCode := 0
	rangeStart := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  x ") {
			out = append(out, expectedError{message: strings.TrimPrefix(line, "  x "), lines: map[int]bool{}})
			cur = &out[len(out)-1]
			prevCode, rangeStart = 0, 0
			continue
		}
		if cur == nil {
			continue
		}
		if m := headerRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			cur.lines[n] = true
			continue
		}
		if m := codeLineRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			prevCode = n
			code := strings.TrimLeft(m[2], " ")
			switch {
			case strings.HasPrefix(code, ",->"):
				rangeStart = n
			case strings.HasPrefix(code, "`->") && rangeStart > 0:
				for l := rangeStart; l <= n; l++ {
					cur.lines[l] = true
				}
				rangeStart = 0
			}
			continue
		}
		if labelLineRE.MatchString(line) && prevCode > 0 {
			cur.lines[prevCode] = true
		}
	}
	for _, e := range out {
		if len(e.lines) == 0 {
			return nil, fmt.Errorf("no location for %q", e.message)
		}
	}
	return out, sc.Err()
}

// project is the App Router project built for a case.
type project struct {
	files       vfs.MapFS
	fixture     string // absolute path of the fixture module
	pagesRouter bool   // reached from the Pages Router only
}

const (
	packageJSON = `{"name":"fixture","private":true,"dependencies":{"next":"%s","react":"19.2.0","react-dom":"19.2.0"}}` + "\n"
	rootLayout  = "export default function RootLayout({ children }) {\n  return (\n    <html>\n      <body>{children}</body>\n    </html>\n  )\n}\n"
)

// buildProject places the fixture module so that it is reached the way
// the harness compiles it: from a Server Component page without crossing
// 'use client' for the server layer; from a 'use client' module for the
// client layer (or from a Pages Router page for RSC client-graph fixtures
// without an app directory).
func buildProject(c *testCase) project {
	s := settingFor(c.rel)
	slug := strings.ReplaceAll(c.rel, "/", "-")
	files := vfs.MapFS{}
	put := func(rel, content string) string {
		p := filepath.Join(projectRoot, filepath.FromSlash(rel))
		files[p] = content
		return p
	}
	put("package.json", fmt.Sprintf(packageJSON, s.next))
	put("next.config.js", s.config)
	put("app/layout.js", rootLayout)
	name := c.input
	if entryByOldHarness[c.rel] {
		name = "page.js"
	}
	isEntry := name == "page.js" || name == "layout.js" || name == "route.js"
	selfClient := hasUseClient(c.src)
	var fixture string
	pagesRouter := false
	switch {
	case isEntry:
		fixture = put(path.Join("app", slug, name), string(c.src))
		if !s.serverLayer && !selfClient {
			// An entry file without its own 'use client' enters the
			// client graph when a client module imports it.
			put(path.Join("app", slug, "client-bridge.js"), "'use client'\n\nimport './"+name+"'\n\nexport default function ClientBridge() {\n  return null\n}\n")
			put(path.Join("app", slug, "host", "page.js"), "import ClientBridge from '../client-bridge.js'\n\nexport default function Host() {\n  return <ClientBridge />\n}\n")
		}
	case !s.serverLayer && s.pages:
		pagesRouter = true
		if name == "input.js" {
			fixture = put(path.Join("lib", slug, name), string(c.src))
			put(path.Join("pages", slug+".js"), "import '../lib/"+slug+"/"+name+"'\n\nexport default function Page() {\n  return null\n}\n")
		} else {
			fixture = put(path.Join("pages", slug, name), string(c.src))
		}
	default:
		dir := path.Join("lib", slug)
		if s.appDir {
			dir = path.Join("app", slug)
		}
		fixture = put(path.Join(dir, name), string(c.src))
		fromPage := "../../" + dir + "/" + name
		if s.appDir {
			fromPage = "./" + name
		}
		if s.serverLayer || selfClient {
			put(path.Join("app", slug, "page.js"), "import '"+fromPage+"'\n\nexport default function Page() {\n  return null\n}\n")
		} else {
			fromBridge := "../../" + dir + "/" + name
			if s.appDir {
				fromBridge = "./" + name
			}
			put(path.Join("app", slug, "client-bridge.js"), "'use client'\n\nimport '"+fromBridge+"'\n\nexport default function ClientBridge() {\n  return null\n}\n")
			put(path.Join("app", slug, "page.js"), "import ClientBridge from './client-bridge.js'\n\nexport default function Page() {\n  return <ClientBridge />\n}\n")
		}
	}
	return project{files: files, fixture: fixture, pagesRouter: pagesRouter}
}

// hasUseClient reports whether src opens with a 'use client' directive
// (among the string statements before anything else; comments skipped).
func hasUseClient(src []byte) bool {
	s := string(src)
	for {
		s = strings.TrimLeft(s, " \t\r\n;")
		switch {
		case strings.HasPrefix(s, "//"):
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				s = s[i+1:]
				continue
			}
			return false
		case strings.HasPrefix(s, "/*"):
			if i := strings.Index(s, "*/"); i >= 0 {
				s = s[i+2:]
				continue
			}
			return false
		case strings.HasPrefix(s, "'") || strings.HasPrefix(s, `"`):
			q := s[:1]
			end := strings.Index(s[1:], q)
			if end < 0 {
				return false
			}
			if s[1:1+end] == "use client" {
				return true
			}
			s = s[end+2:]
		default:
			return false
		}
	}
}

// finding is an rscls error, located by line.
type finding struct {
	path string
	line int
	rule string
}

// outcome is what rscls did on a case.
type outcome struct {
	spans, onLine, elsewhere, missing int
	falseErrors                       int // errors on a case Next compiles
	right                             bool
	findings                          []finding
}

func run(t *testing.T, c *testCase) outcome {
	t.Helper()
	proj := buildProject(c)
	snap, err := engine.Load(context.Background(), proj.files, projectRoot, engine.Options{Analyzers: suite.Analyzers, Workers: 1})
	if err != nil {
		t.Fatalf("%s: %v", c.rel, err)
	}
	if err := checkPlacement(snap, c, proj); err != nil {
		t.Errorf("%s: the harness does not reproduce Next's setting: %v", c.rel, err)
	}
	var found []finding
	for _, f := range snap.Findings() {
		if f.Severity != analysis.SeverityError {
			continue
		}
		found = append(found, finding{path: f.Path, line: lineOf(proj.files[f.Path], f.Start), rule: f.Rule})
	}
	var o outcome
	o.findings = found
	if !c.hasErr {
		o.falseErrors = len(found)
		o.right = len(found) == 0
		return o
	}
	expectedLines := map[int]bool{}
	for _, e := range c.expected {
		for l := range e.lines {
			expectedLines[l] = true
		}
	}
	onFixture := map[int]bool{}
	stray := 0
	for _, f := range found {
		if f.path == proj.fixture && expectedLines[f.line] {
			onFixture[f.line] = true
		} else {
			stray++
		}
	}
	for _, e := range c.expected {
		o.spans++
		hit := false
		for l := range e.lines {
			if onFixture[l] {
				hit = true
			}
		}
		switch {
		case hit:
			o.onLine++
		case stray > 0:
			o.elsewhere++
		default:
			o.missing++
		}
	}
	o.right = o.onLine == o.spans && stray == 0
	return o
}

// checkPlacement makes sure the module was analyzed and sits in the graph
// the Next.js harness compiles it for. A 'use client' module compiled for
// the server layer is a client reference there, as in Next.js; a module of
// the Pages Router must be reached from a page of pages/.
func checkPlacement(snap *engine.Snapshot, c *testCase, proj project) error {
	r := snap.File(proj.fixture)
	if r == nil {
		return fmt.Errorf("%s was not analyzed", proj.fixture)
	}
	if r.Skip != "" {
		return fmt.Errorf("%s was skipped: %s", proj.fixture, r.Skip)
	}
	s := settingFor(c.rel)
	m := snap.Graph().Module(proj.fixture)
	switch {
	case m == nil:
		return fmt.Errorf("%s is not in the module graph", proj.fixture)
	case proj.pagesRouter:
		if !m.InPages() {
			return fmt.Errorf("%s is not reached from a page of pages/", proj.fixture)
		}
		return nil
	case s.serverLayer && !m.In(graph.Server) && !m.Boundary:
		return fmt.Errorf("%s is not in the server graph", proj.fixture)
	case !s.serverLayer && !m.In(graph.Client):
		return fmt.Errorf("%s is not in the client graph", proj.fixture)
	}
	return nil
}

func lineOf(src string, offset int) int {
	if offset > len(src) {
		offset = len(src)
	}
	return strings.Count(src[:offset], "\n") + 1
}

func TestNextFixtures(t *testing.T) {
	cases := loadCases(t)
	if len(cases) == 0 {
		t.Fatal("no fixtures found")
	}
	results := map[string]outcome{}
	var passing []string
	for _, c := range cases {
		o := run(t, c)
		results[c.rel] = o
		if o.right && notScored[c.rel] == "" {
			passing = append(passing, c.rel)
		}
	}
	for rel := range notScored {
		if _, ok := results[rel]; !ok {
			t.Errorf("notScored names %s, which is not a fixture", rel)
		}
	}
	for rel := range entryByOldHarness {
		if _, ok := results[rel]; !ok {
			t.Errorf("entryByOldHarness names %s, which is not a fixture", rel)
		}
	}

	table := coverageTable(cases, results)
	t.Log("\n" + table)
	for _, c := range cases {
		o := results[c.rel]
		if !o.right || *listAll {
			note := ""
			if why := notScored[c.rel]; why != "" {
				note = " (not scored: " + why + ")"
			}
			t.Logf("%s: %s%s", c.rel, describe(c, o), note)
		}
	}

	if *update {
		writeExpected(t, passing)
		writeTable(t, table)
		return
	}
	want := readExpected(t)
	wantSet := map[string]bool{}
	for _, rel := range want {
		wantSet[rel] = true
		if _, ok := results[rel]; !ok {
			t.Errorf("%s lists %s, which is not a fixture", expectedFile, rel)
		}
	}
	for _, c := range cases {
		o := results[c.rel]
		scored := notScored[c.rel] == ""
		switch {
		case wantSet[c.rel] && !(o.right && scored):
			t.Errorf("regression: %s is listed in %s but now fails: %s", c.rel, expectedFile, describe(c, o))
		case !wantSet[c.rel] && o.right && scored:
			t.Errorf("%s now passes: add it to testdata/nextjs-errors/%s (or run go test ./internal/nextfixtures -update)", c.rel, expectedFile)
		}
	}
	if recorded := readTable(t); recorded != table {
		t.Errorf("the coverage table in testdata/nextjs-errors/%s is stale; run go test ./internal/nextfixtures -update\nwant:\n%s", sourceFile, table)
	}
}

func describe(c *testCase, o outcome) string {
	var b strings.Builder
	if c.hasErr {
		fmt.Fprintf(&b, "%d of %d errors on Next's line, %d elsewhere, %d missing;", o.onLine, o.spans, o.elsewhere, o.missing)
	} else {
		fmt.Fprintf(&b, "Next compiles it, rscls reports %d error(s);", o.falseErrors)
	}
	if len(o.findings) == 0 {
		b.WriteString(" rscls reports no error")
	}
	for _, f := range o.findings {
		fmt.Fprintf(&b, " [%s %s:%d]", f.rule, strings.TrimPrefix(f.path, projectRoot+"/"), f.line)
	}
	return b.String()
}

// coverageTable summarises the results per folder (a case's directory
// without its last element).
func coverageTable(cases []*testCase, results map[string]outcome) string {
	type row struct {
		cases, errorCases, silentCases, spans, onLine, elsewhere, missing, falseErr, silentClean, right, unscored int
	}
	rows := map[string]*row{}
	var order []string
	total := &row{}
	for _, c := range cases {
		folder := path.Dir(c.rel)
		r := rows[folder]
		if r == nil {
			r = &row{}
			rows[folder] = r
			order = append(order, folder)
		}
		o := results[c.rel]
		for _, r := range []*row{r, total} {
			r.cases++
			if notScored[c.rel] != "" {
				r.unscored++
				continue
			}
			if c.hasErr {
				r.errorCases++
				r.spans += o.spans
				r.onLine += o.onLine
				r.elsewhere += o.elsewhere
				r.missing += o.missing
			} else {
				r.silentCases++
				if o.falseErrors > 0 {
					r.falseErr++
				} else {
					r.silentClean++
				}
			}
			if o.right {
				r.right++
			}
		}
	}
	sort.Strings(order)
	var b strings.Builder
	b.WriteString("| folder | cases | error cases | errors expected | on Next's line | elsewhere | missing | silent cases | false errors on silent | cases right | not scored |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	line := func(name string, r *row) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n",
			name, r.cases, r.errorCases, r.spans, r.onLine, r.elsewhere, r.missing, r.silentCases, r.falseErr, r.right, r.unscored)
	}
	for _, f := range order {
		line(f, rows[f])
	}
	line("**total**", total)
	fmt.Fprintf(&b, "\nErrors found on Next's line: %d of %d (%s). Error cases fully right: %d of %d. Silent cases kept silent: %d of %d.\n",
		total.onLine, total.spans, percent(total.onLine, total.spans),
		total.right-total.silentClean, total.errorCases,
		total.silentClean, total.silentCases)
	return b.String()
}

func percent(n, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f %%", 100*float64(n)/float64(d))
}

func readExpected(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixturesDir, expectedFile))
	if err != nil {
		t.Fatalf("%v (run go test ./internal/nextfixtures -update to create it)", err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func writeExpected(t *testing.T, passing []string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Fixtures rscls gets right: every error Next.js reports is reported on the\n")
	b.WriteString("# line Next points at and no other error, or, for a fixture Next compiles,\n")
	b.WriteString("# no error at all. Checked by internal/nextfixtures; rewrite with\n")
	b.WriteString("# go test ./internal/nextfixtures -update\n")
	for _, rel := range passing {
		b.WriteString(rel + "\n")
	}
	if err := os.WriteFile(filepath.Join(fixturesDir, expectedFile), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readTable(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixturesDir, sourceFile))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, tableBegin)
	j := strings.Index(s, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no coverage markers", sourceFile)
	}
	return strings.TrimPrefix(s[i+len(tableBegin):j], "\n")
}

func writeTable(t *testing.T, table string) {
	t.Helper()
	p := filepath.Join(fixturesDir, sourceFile)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, tableBegin)
	j := strings.Index(s, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no coverage markers", sourceFile)
	}
	s = s[:i+len(tableBegin)] + "\n" + table + s[j:]
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestParseStderr(t *testing.T) {
	for _, tc := range []struct {
		file string
		want [][]int // per error, the lines it points at
	}{
		// Two labels of one error.
		{"react-server-components/server-graph/metadata-conflict", [][]int{{1, 3}}},
		// A span over several lines.
		{"server-actions/server-graph/4", [][]int{{3, 4, 5, 6, 7}}},
		{"react-server-components/server-graph/react-dom-api", [][]int{{1}, {1}, {3}, {5}, {5}}},
		// Two-digit line numbers widen the gutter.
		{"server-actions/server-graph/28", [][]int{{1}, {8}, {13}, {18}, {23}}},
	} {
		data, err := os.ReadFile(filepath.Join(fixturesDir, tc.file, "output.stderr"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseStderr(data)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		var lines [][]int
		for _, e := range got {
			var ls []int
			for l := range e.lines {
				ls = append(ls, l)
			}
			sort.Ints(ls)
			lines = append(lines, ls)
		}
		if fmt.Sprint(lines) != fmt.Sprint(tc.want) {
			t.Errorf("%s: lines %v, want %v", tc.file, lines, tc.want)
		}
	}
}

func TestHasUseClient(t *testing.T) {
	for file, want := range map[string]bool{
		"server-actions/client-graph/1/input.js":                   true,
		"server-actions/server-graph/13/input.js":                  true, // before 'use strict' and a comment
		"server-actions-turbopack-rsc/1/input.js":                  true,
		"react-server-components/client-graph/use-client/input.js": false, // after an import: not a directive
		"react-server-components/client-graph/metadata/input.js":   false,
		"server-actions/server-graph/33/input.js":                  false, // inside functions
	} {
		src, err := os.ReadFile(filepath.Join(fixturesDir, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := hasUseClient(src); got != want {
			t.Errorf("%s: hasUseClient = %v, want %v", file, got, want)
		}
	}
}
