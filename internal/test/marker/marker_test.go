// Package marker runs the language server's marker tests: each
// testdata/*.txtar file is a project plus expectations written as
// comments in its files, after gopls's marker tests:
//
//	-- settings.json --        initializationOptions (optional)
//	-- flags --                "utf8" to negotiate UTF-8 positions, "nocreate"
//	                           for a client whose edits cannot create files
//	                           (optional)
//	-- @name --                a golden section, referred to by name
//	-- app/page.tsx --         a project file
//
// Markers are comments that start with @ (//@diag(...) or {/*@diag(...)*/}):
//
//	@diag("text", "rule", "re")    a diagnostic of that rule, whose message
//	                               matches the regular expression re, starts at
//	                               the first "text" on the marker's line; every
//	                               diagnostic of an opened file must have its
//	                               marker
//	@hover("text", name)           the hover at "text" equals golden @name
//	@codeaction("text", "title", name)
//	                               applying the code action with that title,
//	                               requested at "text", turns the file into @name
//	@creates("text", "title", "path", name)
//	                               the code action with that title creates the
//	                               file path (not there before), whose text is
//	                               @name
//	@actions("text", "kind", "title"...)
//	                               the code actions of that kind (and its
//	                               subkinds) requested at "text" have exactly
//	                               these titles, in order
//	@lens("substring")             the file's code lens contains substring
//	@nolens()                      the file has no code lens
//
// Arguments are Go string literals (quoted or raw) or identifiers.
// The server runs in-process and speaks to a scripted client over OS
// pipes. go test ./internal/test/marker -update rewrites the golden
// sections.
package marker

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/txtar"

	"github.com/rscls/rscls/analysis/textpos"
)

var updateGoldens = flag.Bool("update", false, "rewrite golden sections of marker tests")

type marker struct {
	file string
	line int // 0-based
	name string
	args []string // string literals unquoted; identifiers as they are
}

var (
	markerRE     = regexp.MustCompile(`(?://|/\*)\s*@(\w+)\(`)
	nextMarkerRE = regexp.MustCompile(`^\s*,\s*(\w+)\(`)
)

// parseMarkers finds the markers of one file.
func parseMarkers(t *testing.T, file, content string) []marker {
	var out []marker
	for i, line := range strings.Split(content, "\n") {
		for _, m := range markerRE.FindAllStringSubmatchIndex(line, -1) {
			name, rest := line[m[2]:m[3]], line[m[1]:]
			for {
				args, after, err := parseArgs(rest)
				if err != nil {
					t.Fatalf("%s:%d: marker @%s: %v", file, i+1, name, err)
				}
				out = append(out, marker{file: file, line: i, name: name, args: args})
				// Further markers may follow in the same comment: , name(...)
				next := nextMarkerRE.FindStringSubmatchIndex(after)
				if next == nil {
					break
				}
				name, rest = after[next[2]:next[3]], after[next[1]:]
			}
		}
	}
	return out
}

// parseArgs reads comma-separated Go string literals and identifiers up
// to the closing parenthesis, and returns what follows it.
func parseArgs(s string) ([]string, string, error) {
	var args []string
	for {
		s = strings.TrimLeft(s, " \t")
		switch {
		case strings.HasPrefix(s, ")"):
			return args, s[1:], nil
		case strings.HasPrefix(s, "`"):
			end := strings.IndexByte(s[1:], '`')
			if end < 0 {
				return nil, "", fmt.Errorf("unterminated string")
			}
			args = append(args, s[1:end+1])
			s = s[end+2:]
		case strings.HasPrefix(s, `"`):
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return nil, "", fmt.Errorf("unterminated string")
			}
			v, err := strconv.Unquote(s[:end+1])
			if err != nil {
				return nil, "", err
			}
			args = append(args, v)
			s = s[end+1:]
		default:
			end := strings.IndexAny(s, ",) ")
			if end <= 0 {
				return nil, "", fmt.Errorf("bad argument at %q", s)
			}
			args = append(args, s[:end])
			s = s[end:]
		}
		s = strings.TrimLeft(s, " \t")
		if strings.HasPrefix(s, ",") {
			s = s[1:]
		}
	}
}

func TestMarkers(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no marker tests found: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			runMarkerTest(t, path)
		})
	}
}

func runMarkerTest(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	archive := txtar.Parse(data)
	files := map[string]string{}
	goldens := map[string]int{}
	settings, utf8, noCreate := "", false, false
	for i, f := range archive.Files {
		switch {
		case strings.HasPrefix(f.Name, "@"):
			goldens[f.Name[1:]] = i
		case f.Name == "settings.json":
			settings = string(f.Data)
		case f.Name == "flags":
			utf8 = strings.Contains(string(f.Data), "utf8")
			noCreate = strings.Contains(string(f.Data), "nocreate")
		default:
			files[f.Name] = string(f.Data)
		}
	}
	var markers []marker
	var opened []string
	for name, content := range files {
		ms := parseMarkers(t, name, content)
		if len(ms) > 0 {
			opened = append(opened, name)
		}
		markers = append(markers, ms...)
	}
	sort.Strings(opened)
	sort.Slice(markers, func(i, j int) bool {
		if markers[i].file != markers[j].file {
			return markers[i].file < markers[j].file
		}
		return markers[i].line < markers[j].line
	})
	c := newClient(t, files, settings, utf8, noCreate)
	c.open(files, opened...)
	enc := textpos.UTF16
	if utf8 {
		enc = textpos.UTF8
	}
	golden := func(m marker, name string, got string) {
		i, ok := goldens[name]
		if *updateGoldens {
			if !ok {
				archive.Files = append(archive.Files, txtar.File{Name: "@" + name})
				i = len(archive.Files) - 1
				goldens[name] = i
			}
			archive.Files[i].Data = []byte(got)
			return
		}
		if !ok {
			t.Errorf("%s:%d: no golden section @%s (run with -update)", m.file, m.line+1, name)
			return
		}
		if want := string(archive.Files[i].Data); got != want {
			t.Errorf("%s:%d: @%s differs\n--- got ---\n%s\n--- want ---\n%s", m.file, m.line+1, name, got, want)
		}
	}
	// locate returns the LSP position of the first text on the marker's line.
	locate := func(m marker, text string) (lsp.Position, lsp.Position) {
		content := files[m.file]
		lines := strings.Split(content, "\n")
		col := strings.Index(lines[m.line], text)
		if col < 0 {
			t.Fatalf("%s:%d: %q not on the marker's line", m.file, m.line+1, text)
		}
		offset := len(strings.Join(lines[:m.line], "\n")) + col
		if m.line > 0 {
			offset++
		}
		mp := textpos.NewMapper([]byte(content))
		l, ch := mp.Position(offset, enc)
		el, ech := mp.Position(offset+len(text), enc)
		return lsp.Position{Line: uint32(l), Character: uint32(ch)}, lsp.Position{Line: uint32(el), Character: uint32(ech)}
	}

	// Diagnostics: markers and published diagnostics match one to one.
	type diagKey struct {
		file      string
		line, col uint32
		rule      string
	}
	want := map[diagKey][]*regexp.Regexp{}
	for _, m := range markers {
		if m.name == "diag" {
			if len(m.args) != 3 {
				t.Fatalf("%s:%d: @diag takes a location, a rule and a message regexp", m.file, m.line+1)
			}
			re, err := regexp.Compile(m.args[2])
			if err != nil {
				t.Fatalf("%s:%d: @diag: %v", m.file, m.line+1, err)
			}
			p, _ := locate(m, m.args[0])
			k := diagKey{m.file, p.Line, p.Character, m.args[1]}
			want[k] = append(want[k], re)
		}
	}
	for _, name := range opened {
		pub := c.diagnostics(name)
		if pub == nil {
			continue
		}
		for _, d := range pub.Diagnostics {
			code, _ := d.Code.(lsp.String)
			msg, _ := d.Message.(lsp.String)
			k := diagKey{name, d.Range.Start.Line, d.Range.Start.Character, string(code)}
			matched := false
			for i, re := range want[k] {
				if re.MatchString(string(msg)) {
					want[k] = append(want[k][:i], want[k][i+1:]...)
					matched = true
					break
				}
			}
			if !matched {
				t.Errorf("%s:%d:%d: unexpected diagnostic [%s]: %s", name, k.line+1, k.col+1, k.rule, msg)
			}
		}
	}
	for k, res := range want {
		for _, re := range res {
			t.Errorf("%s:%d:%d: no [%s] diagnostic matching %q", k.file, k.line+1, k.col+1, k.rule, re)
		}
	}

	for _, m := range markers {
		u := c.uri(m.file)
		switch m.name {
		case "diag":
		case "hover":
			start, _ := locate(m, m.args[0])
			var h *lsp.Hover
			c.call("textDocument/hover", &lsp.HoverParams{TextDocumentPositionParams: lsp.TextDocumentPositionParams{
				TextDocument: lsp.TextDocumentIdentifier{URI: u}, Position: start,
			}}, &h)
			got := "<no hover>\n"
			if h != nil {
				if mc, ok := h.Contents.(*lsp.MarkupContent); ok {
					got = strings.ReplaceAll(mc.Value, c.root, "ROOT") + "\n"
				}
			}
			golden(m, m.args[1], got)
		case "codeaction", "creates":
			start, end := locate(m, m.args[0])
			var actions []lsp.CommandOrCodeAction
			c.call("textDocument/codeAction", &lsp.CodeActionParams{
				TextDocument: lsp.TextDocumentIdentifier{URI: u}, Range: lsp.Range{Start: start, End: end},
			}, &actions)
			var found *lsp.CodeAction
			var titles []string
			for _, a := range actions {
				if ca, ok := a.(*lsp.CodeAction); ok {
					titles = append(titles, ca.Title)
					if ca.Title == m.args[1] && found == nil {
						found = ca
					}
				}
			}
			if found == nil || found.Edit == nil {
				t.Errorf("%s:%d: no code action %q among %q", m.file, m.line+1, m.args[1], titles)
				continue
			}
			if m.name == "creates" {
				if len(m.args) != 4 {
					t.Fatalf("%s:%d: @creates takes a location, a title, a path and a golden name", m.file, m.line+1)
				}
				text, err := createdText(found.Edit, c.uri(m.args[2]), files[m.args[2]] != "")
				if err != nil {
					t.Errorf("%s:%d: %q: %v", m.file, m.line+1, m.args[1], err)
					continue
				}
				golden(m, m.args[3], text)
				continue
			}
			golden(m, m.args[2], applyEdits(t, files[m.file], editsOf(found.Edit, u), enc))
		case "actions":
			if len(m.args) < 2 {
				t.Fatalf("%s:%d: @actions takes a location, a kind and titles", m.file, m.line+1)
			}
			start, end := locate(m, m.args[0])
			var actions []lsp.CommandOrCodeAction
			c.call("textDocument/codeAction", &lsp.CodeActionParams{
				TextDocument: lsp.TextDocumentIdentifier{URI: u}, Range: lsp.Range{Start: start, End: end},
				Context: lsp.CodeActionContext{Only: []lsp.CodeActionKind{lsp.CodeActionKind(m.args[1])}},
			}, &actions)
			var titles []string
			for _, a := range actions {
				if ca, ok := a.(*lsp.CodeAction); ok {
					titles = append(titles, ca.Title)
				}
			}
			if strings.Join(titles, "\n") != strings.Join(m.args[2:], "\n") {
				t.Errorf("%s:%d: %s actions %q, want %q", m.file, m.line+1, m.args[1], titles, m.args[2:])
			}
		case "nolens":
			var lenses []lsp.CodeLens
			c.call("textDocument/codeLens", &lsp.CodeLensParams{TextDocument: lsp.TextDocumentIdentifier{URI: u}}, &lenses)
			if len(lenses) != 0 {
				t.Errorf("%s: %d lenses, want none", m.file, len(lenses))
			}
		case "lens":
			var lenses []lsp.CodeLens
			c.call("textDocument/codeLens", &lsp.CodeLensParams{TextDocument: lsp.TextDocumentIdentifier{URI: u}}, &lenses)
			if len(lenses) != 1 || !strings.Contains(lenses[0].Command.Title, m.args[0]) {
				var got []string
				for _, l := range lenses {
					got = append(got, l.Command.Title)
				}
				t.Errorf("%s: lens %q, want one containing %q", m.file, got, m.args[0])
			}
		default:
			t.Errorf("%s:%d: unknown marker @%s", m.file, m.line+1, m.name)
		}
	}
	if *updateGoldens {
		if err := os.WriteFile(path, txtar.Format(archive), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// editsOf returns a workspace edit's text edits of the document u, from
// its changes or its documentChanges.
func editsOf(e *lsp.WorkspaceEdit, u uri.URI) []lsp.TextEdit {
	if e.Changes != nil {
		return e.Changes[u]
	}
	var out []lsp.TextEdit
	created := false
	for _, dc := range e.DocumentChanges {
		switch dc := dc.(type) {
		case *lsp.CreateFile:
			created = created || dc.URI == u
		case *lsp.TextDocumentEdit:
			if dc.TextDocument.URI != u || created {
				continue
			}
			for _, el := range dc.Edits {
				if te, ok := el.(*lsp.TextEdit); ok {
					out = append(out, *te)
				}
			}
		}
	}
	return out
}

// createdText returns the text of the file u that a workspace edit
// creates: a create operation that fails rather than overwrite, then an
// insertion at the start of the new, empty file.
func createdText(e *lsp.WorkspaceEdit, u uri.URI, exists bool) (string, error) {
	if exists {
		return "", fmt.Errorf("%s exists before the edit", u)
	}
	for i, dc := range e.DocumentChanges {
		cf, ok := dc.(*lsp.CreateFile)
		if !ok || cf.URI != u {
			continue
		}
		if cf.Options == nil || cf.Options.Overwrite == nil || *cf.Options.Overwrite || (cf.Options.IgnoreIfExists != nil && *cf.Options.IgnoreIfExists) {
			return "", fmt.Errorf("creating %s may overwrite a file or be skipped: %+v", u, cf.Options)
		}
		if i+1 >= len(e.DocumentChanges) {
			return "", fmt.Errorf("%s is created but not filled", u)
		}
		td, ok := e.DocumentChanges[i+1].(*lsp.TextDocumentEdit)
		if !ok || td.TextDocument.URI != u || len(td.Edits) != 1 {
			return "", fmt.Errorf("%s is created but not filled with one edit", u)
		}
		te, ok := td.Edits[0].(*lsp.TextEdit)
		if !ok || te.Range != (lsp.Range{}) {
			return "", fmt.Errorf("the text of %s is not inserted at its start", u)
		}
		return te.NewText, nil
	}
	return "", fmt.Errorf("the edit creates no file %s", u)
}

// applyEdits applies LSP text edits to content.
func applyEdits(t *testing.T, content string, edits []lsp.TextEdit, enc textpos.Encoding) string {
	m := textpos.NewMapper([]byte(content))
	type edit struct {
		start, end int
		text       string
	}
	var list []edit
	for _, e := range edits {
		list = append(list, edit{
			m.Offset(int(e.Range.Start.Line), int(e.Range.Start.Character), enc),
			m.Offset(int(e.Range.End.Line), int(e.Range.End.Character), enc),
			e.NewText,
		})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].start > list[j].start })
	out := []byte(content)
	for _, e := range list {
		if e.start > e.end || e.end > len(out) {
			t.Fatalf("edit out of range: %+v", e)
		}
		out = append(out[:e.start:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	return string(out)
}
