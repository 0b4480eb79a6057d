package report

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/textpos"
)

// The text format is for people at a terminal, after ESLint's: each file
// once, as a heading relative to the current directory, and its findings
// under it by line and column, with the message wrapped, the source line
// and its caret, the chain of imports that explains it and a link to the
// docs. Findings whose identical message names another module as their
// cause (one module importing server-only, reached from six Client
// Components) are told once, with the places listed under it.

// defaultWidth is where messages wrap when the terminal's width is not
// known; lines stay under ~160 columns but for long paths.
const (
	defaultWidth = 100
	maxWidth     = 160
)

// palette colours text with ANSI escapes when on.
type palette struct{ on bool }

func (p palette) paint(code, s string) string {
	if !p.on || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p palette) bold(s string) string { return p.paint("1", s) }
func (p palette) dim(s string) string  { return p.paint("2", s) }

func (p palette) severity(s analysis.Severity, text string) string {
	switch s {
	case analysis.SeverityError:
		return p.paint("31", text)
	case analysis.SeverityWarning:
		return p.paint("33", text)
	case analysis.SeverityInfo:
		return p.paint("36", text)
	}
	return p.paint("34", text)
}

type textWriter struct {
	w      io.Writer
	in     Input
	p      palette
	width  int
	chains []toldChain // related information printed so far
}

func writeText(w io.Writer, in Input) error {
	t := &textWriter{w: w, in: in, p: palette{in.Color}, width: in.Width}
	if t.width <= 0 {
		t.width = defaultWidth
	}
	t.width = min(max(t.width, 60), maxWidth)
	var shown []*engine.Finding
	for i := range in.Findings {
		if f := &in.Findings[i]; in.visible(f) {
			shown = append(shown, f)
		}
	}
	for i, b := range t.blocks(shown) {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if b.cause {
			t.causeBlock(b.findings)
		} else {
			t.fileBlock(b.findings)
		}
	}
	return nil
}

// block is what the text format prints under one heading: the findings
// of one file, or the findings of one cause.
type block struct {
	findings []*engine.Finding
	cause    bool
}

// blocks groups findings: those that share a cause into one block each,
// the rest by file; blocks are ordered by their first file.
func (t *textWriter) blocks(fs []*engine.Finding) []block {
	byCause := map[string][]*engine.Finding{}
	for _, f := range fs {
		if k := t.causeKey(f); k != "" {
			byCause[k] = append(byCause[k], f)
		}
	}
	var out []block
	byFile := map[string]int{}
	done := map[string]bool{}
	for _, f := range fs {
		k := t.causeKey(f)
		if k != "" && len(byCause[k]) > 1 {
			if !done[k] {
				done[k] = true
				out = append(out, block{findings: byCause[k], cause: true})
			}
			continue
		}
		i, ok := byFile[f.Path]
		if !ok {
			i = len(out)
			byFile[f.Path] = i
			out = append(out, block{})
		}
		out[i].findings = append(out[i].findings, f)
	}
	first := func(b block) string { return b.findings[0].Path }
	sort.SliceStable(out, func(i, j int) bool { return first(out[i]) < first(out[j]) })
	return out
}

// causeKey identifies findings that have one cause: the same rule,
// severity and first line of the message, when that line names a module
// other than the finding's own file. "" for a finding whose message names
// no other module: findings with the same generic message are not one
// problem, so they stay with their files.
func (t *textWriter) causeKey(f *engine.Finding) string {
	first, _, _ := strings.Cut(f.Message, "\n")
	self := t.rootRel(f.Path, f.Path)
	for _, m := range pathToken.FindAllString(first, -1) {
		if !strings.HasSuffix(m, self) {
			return f.Rule + "\x00" + f.Severity.String() + "\x00" + first
		}
	}
	return ""
}

func (t *textWriter) fileBlock(fs []*engine.Finding) {
	fmt.Fprintln(t.w, t.p.bold(t.in.rel(fs[0].Path)))
	for _, f := range fs {
		p := t.in.pos(f.Path, f.Start, textpos.UTF32)
		at := fmt.Sprintf("%d:%d", p.Line, p.Col)
		t.headline(at, f, "")
		ref := t.priorChain(f)
		t.body(f, true, ref)
		if len(f.Related) >= minChainTold && ref.skip < len(f.Related) {
			t.chains = append(t.chains, toldChain{related: f.Related, path: f.Path, at: at, partly: ref.skip > 0})
		}
	}
}

// minChainTold is the length from which related information (a chain of
// imports) is not printed again: findings often share their chain, or
// its start (modules reached from one page through one module).
const minChainTold = 3

// toldChain is related information printed with the finding at path, at.
type toldChain struct {
	related  []analysis.RelatedInformation
	path, at string
	partly   bool // its start was pointed to, not printed
}

// chainRef is what a finding's related information shares with one
// printed before: its first skip entries, told with the finding at where.
type chainRef struct {
	where string
	skip  int
}

// priorChain finds the chain told before that is f's, or else the one
// printed whole that shares the longest start with f's, when they share
// minChainTold entries or more: a reader follows one pointer at most to
// the start of a chain.
func (t *textWriter) priorChain(f *engine.Finding) chainRef {
	var best chainRef
	for i := len(t.chains) - 1; i >= 0; i-- {
		c := t.chains[i]
		n := 0
		for n < len(c.related) && n < len(f.Related) && sameRelated(c.related[n], f.Related[n]) {
			n++
		}
		where := c.at
		if c.path != f.Path {
			where = t.in.rel(c.path) + ":" + c.at
		}
		if n == len(f.Related) && n == len(c.related) {
			return chainRef{where: where, skip: n}
		}
		if c.partly || n < minChainTold || n == len(f.Related) || n <= best.skip {
			continue
		}
		best = chainRef{where: where, skip: n}
	}
	return best
}

func sameRelated(a, b analysis.RelatedInformation) bool {
	return a.Path == b.Path && a.Start == b.Start && a.End == b.End && a.Message == b.Message
}

func (t *textWriter) causeBlock(fs []*engine.Finding) {
	f := fs[0]
	where := fmt.Sprintf("in %d places", len(fs))
	t.headline("", f, where)
	first, _, _ := strings.Cut(f.Message, "\n")
	t.para("    ", t.rewrite(f.Path, first))
	for _, g := range fs {
		p := t.in.pos(g.Path, g.Start, textpos.UTF32)
		fmt.Fprintf(t.w, "  %s\n", t.p.bold(fmt.Sprintf("%s:%d:%d", t.in.rel(g.Path), p.Line, p.Col)))
		t.source(g, "    ")
		if _, rest, ok := strings.Cut(g.Message, "\n"); ok {
			for _, l := range strings.Split(rest, "\n") {
				t.hanging("    ", t.rewrite(g.Path, l))
			}
		}
		t.fixLine(g, "    ")
	}
	if f.URL != "" {
		fmt.Fprintf(t.w, "  %s %s\n", t.p.dim("docs:"), f.URL)
	}
}

// headline prints "  12:5  error  ruleName" (with a mark when --fix can
// fix it), or, for a block of one cause, "error ruleName in 6 places".
func (t *textWriter) headline(at string, f *engine.Finding, where string) {
	sev := t.p.bold(t.p.severity(f.Severity, f.Severity.String()))
	line := sev + "  " + t.p.dim(f.Rule)
	if at != "" {
		line = "  " + t.p.dim(at) + "  " + line
	}
	if where != "" {
		line += " " + where
	}
	switch t.in.fix(f).Status {
	case FixAvailable:
		line += "  " + t.p.paint("32", "(fixable with --fix)")
	case FixApplied:
		line += "  " + t.p.paint("32", "(fixed)")
	}
	fmt.Fprintln(t.w, line)
}

// body prints the message, the source line, related information, the fix
// and the docs of a finding under its headline. Related information
// printed before is pointed to (ref), not printed again.
func (t *textWriter) body(f *engine.Finding, message bool, ref chainRef) {
	const indent = "    "
	if message {
		for i, l := range strings.Split(f.Message, "\n") {
			if i > 0 && t.toldByRelated(f, l) {
				continue
			}
			l = t.rewrite(f.Path, l)
			if i == 0 {
				t.para(indent, l)
			} else {
				t.para(indent, t.p.dim(l))
			}
		}
	}
	t.source(f, indent)
	related := f.Related
	switch {
	case ref.skip == len(f.Related) && ref.skip > 0:
		t.para(indent, t.p.dim("the same chain of imports as "+ref.where+" above"))
		related = nil
	case ref.skip > 0:
		// The chain goes on from a module that the one above imports.
		t.hanging(indent, t.p.dim("… as the chain of imports of "+ref.where+" above, then"))
		related = f.Related[ref.skip:]
	}
	for _, r := range related {
		rp := t.in.pos(r.Path, r.Start, textpos.UTF32)
		msg := r.Message
		// "app/page.tsx is a Server Component" at app/page.tsx reads
		// "app/page.tsx:1:1 is a Server Component": the path once.
		if self := t.rootRel(f.Path, r.Path); strings.HasPrefix(msg, self+" ") || strings.HasPrefix(msg, self+",") {
			msg = strings.TrimPrefix(msg, self)
		} else {
			msg = " " + msg
		}
		loc := fmt.Sprintf("%s:%d:%d", t.in.rel(r.Path), rp.Line, rp.Col)
		t.hanging(indent, t.p.dim(loc)+t.rewrite(f.Path, msg))
	}
	t.fixLine(f, indent)
	if f.URL != "" {
		fmt.Fprintf(t.w, "%s%s %s\n", indent, t.p.dim("docs:"), f.URL)
	}
}

// toldByRelated reports whether a line of a message (after the first)
// only names files that the related information lists with their
// places, as the line "Import chain: a → b → c" does: the path of each
// is then printed once, where it can be clicked.
func (t *textWriter) toldByRelated(f *engine.Finding, line string) bool {
	if len(f.Related) == 0 {
		return false
	}
	named := pathToken.FindAllString(line, -1)
	if len(named) == 0 {
		return false
	}
	listed := map[string]bool{}
	for _, r := range f.Related {
		listed[t.rootRel(f.Path, r.Path)] = true
		for _, m := range pathToken.FindAllString(r.Message, -1) {
			listed[m] = true
		}
	}
	for _, n := range named {
		if !listed[n] {
			return false
		}
	}
	return true
}

func (t *textWriter) fixLine(f *engine.Finding, indent string) {
	st := t.in.fix(f)
	if st.Status == FixNone || len(f.Fixes) == 0 {
		return
	}
	msg := f.Fixes[0].Message
	switch st.Status {
	case FixAvailable:
		t.para(indent, t.p.dim("fix: ")+msg)
	case FixApplied:
		t.para(indent, t.p.dim("fixed: ")+msg)
	case FixNeedsReview:
		if len(f.Fixes) > 1 {
			var names []string
			for _, x := range f.Fixes {
				names = append(names, x.Message)
			}
			msg = strings.Join(names, " | ")
		}
		t.para(indent, t.p.dim("fix to review: ")+msg+t.p.dim(" — "+st.Note))
	}
}

// source prints the finding's line with a gutter and a caret under the
// finding.
func (t *textWriter) source(f *engine.Finding, indent string) {
	m := t.in.Sources.Mapper(f.Path)
	if m == nil {
		return
	}
	p := t.in.pos(f.Path, f.Start, textpos.UTF32)
	width := 1
	if end := t.in.pos(f.Path, f.End, textpos.UTF32); end.Line == p.Line && end.Col > p.Col {
		width = end.Col - p.Col
	}
	line, prefix, rest := excerpt(m, p.Line-1, p.Col, f.Start)
	width = max(min(width, rest), 1)
	pad := strings.Map(func(r rune) rune {
		if r == '\t' {
			return '\t' // the caret line keeps the source's tabs so it lines up
		}
		return ' '
	}, prefix)
	num := strconv.Itoa(p.Line)
	fmt.Fprintf(t.w, "%s%s %s\n", indent, t.p.dim(num+" │"), line)
	fmt.Fprintf(t.w, "%s%s %s%s\n", indent, t.p.dim(strings.Repeat(" ", len(num))+" │"), pad, t.p.severity(f.Severity, strings.Repeat("^", width)))
}

// para prints text after indent, wrapped at the width; words longer than
// a line (paths) are not broken.
func (t *textWriter) para(indent, text string) {
	for _, l := range wrap(text, t.width-len(indent)) {
		fmt.Fprintf(t.w, "%s%s\n", indent, l)
	}
}

// hanging prints text after indent, wrapped at the width, its further
// lines indented two more columns: one step of a chain of imports that
// takes two lines reads as one.
func (t *textWriter) hanging(indent, text string) {
	for i, l := range wrap(text, t.width-len(indent)-2) {
		if i > 0 {
			l = "  " + l
		}
		fmt.Fprintf(t.w, "%s%s\n", indent, l)
	}
}

// wrap breaks text into lines of at most width visible columns at spaces.
// ANSI escapes take no columns.
func wrap(text string, width int) []string {
	if visibleLen(text) <= width {
		return []string{text}
	}
	var lines []string
	var cur strings.Builder
	curLen := 0
	for _, word := range strings.Split(text, " ") {
		wl := visibleLen(word)
		// A word longer than a line (a path), or one that would leave a
		// short line ("Import chain:") alone, stays on the line when the
		// line can take it.
		long := (wl > width || curLen < 20) && curLen+1+wl <= maxWidth
		if curLen > 0 && curLen+1+wl > width && !long {
			lines = append(lines, cur.String())
			cur.Reset()
			curLen = 0
		}
		if curLen > 0 {
			cur.WriteByte(' ')
			curLen++
		}
		cur.WriteString(word)
		curLen += wl
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func visibleLen(s string) int { return utf8.RuneCountInString(ansi.ReplaceAllString(s, "")) }

// pathToken matches what may be a file's path in a message.
var pathToken = regexp.MustCompile(`[^\s"'` + "`" + `,;:<>|→]+\.(?:tsx|ts|jsx|js|mjs|cjs|mts|cts)\b`)

// rootRel returns path as the messages of a finding in file name it:
// relative to the file's workspace root.
func (t *textWriter) rootRel(file, path string) string {
	if t.in.Root == nil {
		return t.in.rel(path)
	}
	if r, err := filepath.Rel(t.in.Root(file), path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// rewrite turns the names of files in a message about the file path, in
// path's workspace, from relative to the workspace root into relative to the
// current directory, as every other path is shown. Only names of files
// that exist are rewritten.
func (t *textWriter) rewrite(path, msg string) string {
	if t.in.Root == nil {
		return msg
	}
	root := t.in.Root(path)
	if filepath.Clean(root) == filepath.Clean(t.in.Base) {
		return msg
	}
	return pathToken.ReplaceAllStringFunc(msg, func(tok string) string {
		// A token may start with punctuation of the sentence, "(lib/a.ts":
		// try from each point where a path could start.
		for i := 0; i < len(tok); i++ {
			if i > 0 && tok[i-1] != '(' && tok[i-1] != '[' {
				continue
			}
			abs := filepath.Join(root, filepath.FromSlash(tok[i:]))
			if t.in.Sources.Mapper(abs) != nil {
				return tok[:i] + t.in.rel(abs)
			}
		}
		return tok
	})
}

// maxExcerptLine is the longest source line printed whole under a
// finding. Longer lines (a minified file is one line of megabytes) are cut
// to excerptBefore and excerptAfter bytes around the finding, with "…"
// where text was left out.
const (
	maxExcerptLine = 300
	excerptBefore  = 80
	excerptAfter   = 160
)

// excerpt returns the source line to show for a finding at 1-based
// column col (byte offset offset) of the 0-based line, the part of it that
// precedes the finding, and how many characters follow the finding's
// start in what is shown.
func excerpt(m *textpos.Mapper, line, col, offset int) (text, prefix string, rest int) {
	src := m.Src()
	start, end := m.Offset(line, 0, textpos.UTF8), m.Offset(line, math.MaxInt32, textpos.UTF8)
	if end-start <= maxExcerptLine {
		runes := []rune(string(src[start:end]))
		before := runes
		if col-1 <= len(runes) {
			before = runes[:col-1]
		}
		return string(runes), string(before), len(runes) - len(before)
	}
	offset = min(max(offset, start), end)
	from, to := max(start, offset-excerptBefore), min(end, offset+excerptAfter)
	for from < offset && !utf8.RuneStart(src[from]) {
		from++
	}
	for to > offset && to < end && !utf8.RuneStart(src[to]) {
		to--
	}
	head, tail := "", ""
	if from > start {
		head = "…"
	}
	if to < end {
		tail = "…"
	}
	prefix = head + string(src[from:offset])
	return prefix + string(src[offset:to]) + tail, prefix, utf8.RuneCount(src[offset:to])
}
