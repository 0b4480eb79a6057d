// Package oracle holds rscls against the compiler. A case is a small App
// Router app in a txtar file under testdata/oracle; beside it, a .verdict
// file records what `next build` said of it in each configuration (see
// Configs). scripts/oracle records the verdicts with real builds; the
// package's test runs rscls on every case and compares, without Next.
package oracle

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/txtar"
)

// Config is one way of building a case.
type Config struct {
	Name    string // key in the verdict file
	Major   string // which Next.js install: "15" or "16"
	Bundler string // "webpack" or "Turbopack"
	Args    []string
}

// Configs are the builds each case gets: the last Next.js 15.5 (webpack,
// its only production bundler), and Next.js 16 with Turbopack (its
// default) and with --webpack.
var Configs = []Config{
	{Name: "15-webpack", Major: "15", Bundler: "webpack", Args: []string{"build"}},
	{Name: "16-turbopack", Major: "16", Bundler: "Turbopack", Args: []string{"build"}},
	{Name: "16-webpack", Major: "16", Bundler: "webpack", Args: []string{"build", "--webpack"}},
}

// Case is one oracle app.
type Case struct {
	Name    string // file name without .txtar
	Path    string // the .txtar file
	Comment string // what the shape is and why it matters
	Files   []txtar.File
}

var nextRangeRE = regexp.MustCompile(`^\s*[\^~=v]?\s*(\d+)(?:[.\s]|$)`)

// NextMajor is the major version of Next.js the case's package.json asks
// for ("15", "16"), or "" when it has none or names no single major (the
// default package.json asks for "*"). rscls reads the same field to tell
// which version's rules apply, so a case that names one is held only to
// the builds of that version.
func (c *Case) NextMajor() string {
	for _, f := range c.Files {
		if f.Name != "package.json" {
			continue
		}
		var pkg struct {
			Dependencies, DevDependencies map[string]string
		}
		if json.Unmarshal(f.Data, &pkg) != nil {
			return ""
		}
		spec, ok := pkg.Dependencies["next"]
		if !ok {
			spec = pkg.DevDependencies["next"]
		}
		if m := nextRangeRE.FindStringSubmatch(spec); m != nil {
			return m[1]
		}
	}
	return ""
}

// ConfigsFor are the configurations whose verdicts hold the case: those of
// the major version it names, or all.
func (c *Case) ConfigsFor() []Config {
	major := c.NextMajor()
	var out []Config
	for _, cfg := range Configs {
		if major == "" || cfg.Major == major {
			out = append(out, cfg)
		}
	}
	if len(out) == 0 {
		return Configs
	}
	return out
}

// VerdictPath is where the case's verdict is recorded.
func (c *Case) VerdictPath() string {
	return strings.TrimSuffix(c.Path, ".txtar") + ".verdict"
}

// LoadCases reads every *.txtar in dir, sorted by name.
func LoadCases(dir string) ([]*Case, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, err
	}
	sort.Strings(matches)
	var out []*Case
	for _, m := range matches {
		c, err := LoadCase(m)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// LoadCase reads one case.
func LoadCase(file string) (*Case, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	a := txtar.Parse(data)
	comment, files := string(a.Comment), a.Files
	c := &Case{Name: strings.TrimSuffix(filepath.Base(file), ".txtar"), Path: file, Comment: comment, Files: files}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no files", file)
	}
	if strings.TrimSpace(comment) == "" {
		return nil, fmt.Errorf("%s: no description before the first file", file)
	}
	seen := map[string]bool{}
	for _, f := range files {
		clean := path.Clean(f.Name)
		if clean != f.Name || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
			return nil, fmt.Errorf("%s: file name %q must be a clean relative path", file, f.Name)
		}
		if seen[clean] {
			return nil, fmt.Errorf("%s: file %q twice", file, f.Name)
		}
		seen[clean] = true
	}
	return c, nil
}

// DefaultPackageJSON is written when a case has none: rscls recognises a
// Next.js app by its dependency on next, and Next.js needs no more.
const DefaultPackageJSON = `{
  "private": true,
  "dependencies": { "next": "*", "react": "*", "react-dom": "*" }
}
`

// Materialise writes the case's files under dir (which must be empty or
// absent), adding DefaultPackageJSON when the case has no package.json.
func (c *Case) Materialise(dir string) error {
	hasPackage := false
	for _, f := range c.Files {
		if f.Name == "package.json" {
			hasPackage = true
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	if !hasPackage {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "package.json"), []byte(DefaultPackageJSON), 0o644)
	}
	return nil
}

// Result is what one build said.
type Result struct {
	Pass bool
	// Error is the first meaningful error line of a failed build, with
	// file:line:col first when the compiler gave one.
	Error string
}

func (r Result) String() string {
	if r.Pass {
		return "PASS"
	}
	return "FAIL " + r.Error
}

// Verdict is a case's recorded results, by Config name.
type Verdict struct {
	Versions string // the "# versions:" line: what was installed
	Results  map[string]Result
}

// ReadVerdict reads a .verdict file: comment lines start with '#'; a
// "# versions: ..." line says what built it; every other line is
// "CONFIG: PASS" or "CONFIG: FAIL error line".
func ReadVerdict(file string) (*Verdict, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	v := &Verdict{Results: map[string]Result{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "# versions:"); ok {
			v.Versions = strings.TrimSpace(rest)
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want CONFIG: PASS|FAIL ...", file, n)
		}
		rest = strings.TrimSpace(rest)
		switch {
		case rest == "PASS":
			v.Results[name] = Result{Pass: true}
		case strings.HasPrefix(rest, "FAIL"):
			v.Results[name] = Result{Error: strings.TrimSpace(strings.TrimPrefix(rest, "FAIL"))}
		default:
			return nil, fmt.Errorf("%s:%d: want PASS or FAIL, got %q", file, n, rest)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, c := range Configs {
		if _, ok := v.Results[c.Name]; !ok {
			return nil, fmt.Errorf("%s: no result for %s", file, c.Name)
		}
	}
	return v, nil
}

// Format renders a verdict file.
func (v *Verdict) Format(caseName string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# next build of %s.txtar; re-record with: make oracle CASES=%s\n", caseName, caseName)
	fmt.Fprintf(&b, "# versions: %s\n", v.Versions)
	for _, c := range Configs {
		if r, ok := v.Results[c.Name]; ok {
			fmt.Fprintf(&b, "%s: %s\n", c.Name, r)
		}
	}
	return b.String()
}

// Failing returns the configurations among configs whose build failed,
// in Configs order.
func (v *Verdict) Failing(configs []Config) []Config {
	var out []Config
	for _, c := range configs {
		if r, ok := v.Results[c.Name]; ok && !r.Pass {
			out = append(out, c)
		}
	}
	return out
}

// Where names the configurations a case fails in when it fails in some
// but not all, and the pattern an rscls message must match to name them
// (rule C of testdata/oracle/README.md).
func Where(failing []Config) (string, *regexp.Regexp) {
	var names []string
	for _, c := range failing {
		names = append(names, c.Name)
	}
	switch strings.Join(names, ",") {
	case "16-turbopack":
		return "only with Turbopack", regexp.MustCompile(`Turbopack`)
	case "15-webpack,16-webpack", "16-webpack":
		return "only with webpack", regexp.MustCompile(`(?i)webpack`)
	case "16-turbopack,16-webpack":
		return "only with Next.js 16", regexp.MustCompile(`\b16\b`)
	case "15-webpack":
		return "only with Next.js 15", regexp.MustCompile(`\b15\b`)
	default:
		return "only in " + strings.Join(names, ", "), regexp.MustCompile(`Turbopack|(?i:webpack)|\b1[56]\b`)
	}
}
