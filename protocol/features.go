package protocol

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	lsp "go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/resolve"
	"github.com/rscls/rscls/analysis/rsc"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/textedit"
	"github.com/rscls/rscls/analysis/textpos"
)

// docView is what a request needs about one document.
type docView struct {
	sn   *snapshot
	es   *folderAnalysis
	path string
	uri  uri.URI
	doc  *docVersion // nil for a file that is not open
	a    *docAnalysis
	m    *textpos.Mapper
}

// viewOf analyzes a document for a request: an open buffer, or the file
// on disk. ok is false when the folder has not been analyzed yet.
func (s *Server) viewOf(u uri.URI) (*docView, bool) {
	path, ok := pathOf(u)
	if !ok {
		return nil, false
	}
	sn := s.session.current.Load()
	es := sn.engineFor(path)
	if es == nil {
		return nil, false
	}
	v := &docView{sn: sn, es: es, path: path, uri: u, doc: sn.docs[path]}
	if v.doc != nil {
		v.a = v.doc.analysis(es, s.log)
	} else {
		lang, ok := syntax.LangForPath(path)
		src, err := s.opts.FS.ReadFile(path)
		if !ok || err != nil {
			return nil, false
		}
		v.a = skippedAnalysis(src, lang)
		if tree, err := syntax.Parse(src, lang); err == nil {
			if f, local, findings, err := es.snap.AnalyzeFile(path, tree); err == nil {
				v.a = &docAnalysis{src: src, facts: f, local: local, findings: findings}
			}
		}
	}
	v.m = textpos.NewMapper(v.a.src)
	return v, true
}

func (v *docView) offset(p lsp.Position, enc textpos.Encoding) int {
	return v.m.Offset(int(p.Line), int(p.Character), enc)
}

func within(off int, s facts.Span) bool { return off >= s.Start && off <= s.End }

// Hover explains directives, import sources and client component tags.
func (s *Server) Hover(ctx context.Context, params *lsp.HoverParams) (*lsp.Hover, error) {
	v, ok := s.viewOf(params.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	off := v.offset(params.Position, s.enc)
	var text string
	var span facts.Span
	for _, str := range v.a.local.Strings {
		if within(off, str.Span) {
			if kind, cacheKind := rsc.ParseDirective(str.Value); kind != rsc.NoDirective {
				text, span = directiveDoc(kind, cacheKind, str.Container != facts.InModule), str.Span
			}
		}
	}
	if text == "" {
		for i, imp := range v.a.facts.Imports {
			if within(off, imp.SourceSpan) {
				text, span = s.importDoc(v, i), imp.SourceSpan
				break
			}
		}
	}
	if text == "" {
		text, span = s.tagDoc(v, off)
	}
	if text == "" {
		return nil, nil
	}
	r := s.toRange(v.m, span.Start, span.End)
	kind := lsp.MarkupKindMarkdown
	if !s.caps.markdownHover {
		kind = lsp.MarkupKindPlainText
	}
	return &lsp.Hover{Contents: &lsp.MarkupContent{Kind: kind, Value: text}, Range: &r}, nil
}

func directiveDoc(kind rsc.DirectiveKind, cacheKind string, inFunction bool) string {
	switch kind {
	case rsc.UseClient:
		return "**\"use client\"**: this module is a Client Component boundary. Server Components that import it get a reference to it instead of its code, and it runs in the browser together with everything it imports (except modules of Server Functions). Props passed to it from Server Components must be serializable.\n\n" + kind.DocURL()
	case rsc.UseServer:
		if inFunction {
			return "**\"use server\"**: this function is a Server Function (Server Action). It runs on the server; Client Components receive a reference they can call, so it must be async and its arguments and return value must be serializable.\n\n" + kind.DocURL()
		}
		return "**\"use server\"**: every export of this module is a Server Function (Server Action) that Client Components can call over the network; each must be an async function.\n\n" + kind.DocURL()
	case rsc.UseCache:
		what := "the result of this function"
		if !inFunction {
			what = "the results of this module's exported functions"
		}
		doc := fmt.Sprintf("**\"use cache\"**: Next.js caches %s, keyed by the arguments; the function must be async and may not read request data (cookies, headers) directly.", what)
		if cacheKind != "" {
			doc += fmt.Sprintf(" The cache kind **%s** names a handler configured in `cacheHandlers`.", cacheKind)
		}
		return doc + "\n\n" + kind.DocURL()
	}
	return ""
}

// importDoc describes where an import leads and what environment the
// imported module runs in.
func (s *Server) importDoc(v *docView, i int) string {
	imp := &v.a.facts.Imports[i]
	res := map[graph.Env]resolve.Result{}
	for _, env := range graph.Envs {
		res[env] = v.es.snap.Resolver().Resolve(v.path, imp.Source, env, imp.Kind == facts.ImportRequire)
	}
	r := res[graph.Server]
	var b strings.Builder
	fmt.Fprintf(&b, "**`%s`**", imp.Source)
	switch r.Kind {
	case resolve.NotFound:
		fmt.Fprintf(&b, ": not resolved (%s).", r.Reason)
		return b.String()
	case resolve.Builtin:
		b.WriteString(": a Node.js built-in module.")
		return b.String()
	case resolve.Asset:
		fmt.Fprintf(&b, " → `%s` (not a JavaScript module).", v.es.snap.Rel(r.Path))
		return b.String()
	}
	fmt.Fprintf(&b, " → `%s`", v.es.snap.Rel(r.Path))
	if r.Package != "" {
		fmt.Fprintf(&b, " (package `%s`)", r.Package)
	}
	if c := res[graph.Client]; c.Kind == resolve.File && c.Path != r.Path {
		fmt.Fprintf(&b, "; in the client graph → `%s`", v.es.snap.Rel(c.Path))
	}
	b.WriteString("\n\n")
	g := v.es.snap.Graph()
	if m := g.Module(r.Path); m != nil {
		b.WriteString(describe(v.es.snap, g, m, true))
	} else {
		b.WriteString("Not part of the module graph (framework code, or not reached).")
	}
	return b.String()
}

// tagDoc explains a JSX tag that renders a Client Component from server code.
func (s *Server) tagDoc(v *docView, off int) (string, facts.Span) {
	t := v.a.local.Tree
	// The innermost identifier at off that names a JSX element.
	node := -1
	for i := range t.Nodes {
		n := &t.Nodes[i]
		if int(n.Start) <= off && off <= int(n.End) && n.Kind == syntax.KindIdentifier {
			node = i
		}
	}
	if node < 0 {
		return "", facts.Span{}
	}
	parent := int(t.Nodes[node].Parent)
	if t.Kind(parent) == syntax.KindMemberExpression {
		parent = int(t.Nodes[parent].Parent)
	}
	if k := t.Kind(parent); k != syntax.KindJSXOpeningElement && k != syntax.KindJSXSelfClosingElement {
		return "", facts.Span{}
	}
	name := t.Text(node)
	var mb *facts.Binding
	for i := range v.a.facts.Bindings {
		if b := &v.a.facts.Bindings[i]; b.Name == name && b.Kind == facts.BindImport && b.Import >= 0 {
			mb = b
		}
	}
	if mb == nil {
		return "", facts.Span{}
	}
	g := v.es.snap.Graph()
	self := g.Module(v.path)
	if self == nil || !self.In(graph.Server) {
		return "", facts.Span{}
	}
	imp := &v.a.facts.Imports[mb.Import]
	r := v.es.snap.Resolver().Resolve(v.path, imp.Source, graph.Server, imp.Kind == facts.ImportRequire)
	target := g.Module(r.Path)
	if target == nil {
		return "", facts.Span{}
	}
	_, _, boundary, _ := g.Origin(target, imp.Names[mb.ImportName].Imported, graph.Server)
	if boundary == nil {
		return "", facts.Span{}
	}
	span := facts.Span{Start: int(t.Nodes[node].Start), End: int(t.Nodes[node].End)}
	return fmt.Sprintf("**<%s>** is a Client Component: `%s` starts with \"use client\". This module renders on the server, so it only sends a reference to the browser, and every prop it passes is serialized: primitives, plain objects and arrays, Date, Map, Set, BigInt, typed arrays, Promises, JSX and Server Functions cross; other functions, class instances and local symbols do not.\n\nhttps://react.dev/reference/rsc/use-client#serializable-types",
		name, v.es.snap.Rel(boundary.Path)), span
}

// describe says which environment(s) a module runs in, and why.
func describe(snap *engine.Snapshot, g *graph.Graph, m *graph.Module, long bool) string {
	via := func(env graph.Env) string {
		chain := g.Chain(m, env)
		if len(chain) == 0 {
			return ""
		}
		if env == graph.Client {
			for _, st := range chain {
				if st.Module.Boundary {
					return snap.Rel(st.Module.Path)
				}
			}
		}
		return snap.Rel(chain[0].Module.Path)
	}
	chainText := func(env graph.Env) string {
		var parts []string
		for _, st := range g.Chain(m, env) {
			parts = append(parts, snap.Rel(st.Module.Path))
		}
		return strings.Join(parts, " → ")
	}
	var short, detail string
	switch {
	case m.Boundary:
		short = "Client boundary"
		if from := g.BoundaryImporter(m); from.From != nil {
			short += " · imported by " + snap.Rel(from.From.Path)
			detail = "Server Components import it as a client reference: " + chainText(graph.Client)
		} else {
			detail = "Only Client Component modules import it."
		}
	case m.ServerRef:
		short = "Server Functions module"
		detail = "Its exports are Server Functions: server code, which Client Components call by reference."
	case m.Shared():
		short = fmt.Sprintf("Shared · server via %s, client via %s", via(graph.Server), via(graph.Client))
		detail = fmt.Sprintf("It runs in both environments. Server: %s. Client: %s.", chainText(graph.Server), chainText(graph.Client))
	case m.In(graph.Server):
		if m.IsRoot(graph.Server) {
			short = "Server Component · " + m.Role.String()
			detail = "An entry of the App Router: a Server Component unless it says \"use client\"."
		} else {
			short = "Server Component · via " + via(graph.Server)
			detail = "Reached from the server without a \"use client\" boundary: " + chainText(graph.Server)
		}
	case m.In(graph.Client):
		short = "Client · via " + via(graph.Client)
		detail = "Reached through a \"use client\" boundary: " + chainText(graph.Client)
	default:
		short = "Not in any module graph"
		detail = "No page, layout, route or \"use client\" module imports it."
	}
	if !long {
		return short
	}
	return "**" + short + "**\n\n" + detail
}

// CodeLens shows each file's environment at its top.
func (s *Server) CodeLens(ctx context.Context, params *lsp.CodeLensParams) ([]lsp.CodeLens, error) {
	path, ok := pathOf(params.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	sn := s.session.current.Load()
	if !sn.settings.server.LensEnabled() {
		return nil, nil
	}
	es := sn.engineFor(path)
	if es == nil {
		return nil, nil
	}
	g := es.snap.Graph()
	m := g.Module(path)
	if m == nil {
		return nil, nil
	}
	arg, _ := json.Marshal(string(params.TextDocument.URI))
	return []lsp.CodeLens{{
		Range:   lsp.Range{},
		Command: lsp.Command{Title: describe(es.snap, g, m, false), Command: cmdShowChain, Arguments: []lsp.LSPAny{arg}},
	}}, nil
}

// ExecuteCommand runs rscls.showChain: it shows why a module runs where
// it does, as a message.
func (s *Server) ExecuteCommand(ctx context.Context, params *lsp.ExecuteCommandParams) (lsp.LSPAny, error) {
	if params.Command != cmdShowChain {
		return nil, fmt.Errorf("unknown command %q", params.Command)
	}
	if len(params.Arguments) != 1 {
		return nil, fmt.Errorf("%s takes one argument, a document URI", cmdShowChain)
	}
	var u string
	if err := json.Unmarshal(params.Arguments[0], &u); err != nil {
		return nil, fmt.Errorf("%s: the argument must be a URI string", cmdShowChain)
	}
	path, ok := pathOf(uri.URI(u))
	if !ok {
		return nil, fmt.Errorf("%s: not a file URI: %s", cmdShowChain, u)
	}
	sn := s.session.current.Load()
	es := sn.engineFor(path)
	if es == nil {
		return nil, fmt.Errorf("%s is not analyzed yet", filepath.Base(path))
	}
	g := es.snap.Graph()
	m := g.Module(path)
	if m == nil {
		return nil, fmt.Errorf("%s is not in the module graph", filepath.Base(path))
	}
	text := strings.ReplaceAll(describe(es.snap, g, m, true), "**", "")
	s.showMessage(lsp.MessageTypeInfo, es.snap.Rel(path)+": "+text)
	out, _ := json.Marshal(text)
	return out, nil
}

// Kinds of the source actions.
const (
	kindAddUseClient  lsp.CodeActionKind = "source.rscls.addUseClient"
	kindAddServerOnly lsp.CodeActionKind = "source.rscls.addServerOnly"
	kindMoveDirective lsp.CodeActionKind = "source.rscls.moveDirective"
)

// CodeAction offers the fixes of the diagnostics in range, and source
// actions that add or move directives.
func (s *Server) CodeAction(ctx context.Context, params *lsp.CodeActionParams) ([]lsp.CommandOrCodeAction, error) {
	v, ok := s.viewOf(params.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	findings := v.a.findings
	if v.doc != nil {
		if all, _, ok := s.session.docFindings(v.sn, v.doc); ok {
			findings = all
		}
	} else {
		findings = append(append([]engine.Finding(nil), findings...), v.es.snap.GraphFindingsFor(v.path)...)
	}
	want := func(k lsp.CodeActionKind) bool {
		if len(params.Context.Only) == 0 {
			return true
		}
		for _, o := range params.Context.Only {
			if k == o || strings.HasPrefix(string(k), string(o)+".") {
				return true
			}
		}
		return false
	}
	start := v.offset(params.Range.Start, s.enc)
	end := v.offset(params.Range.End, s.enc)
	var out []lsp.CommandOrCodeAction
	var moveDirective *analysis.SuggestedFix
	for _, f := range findings {
		if len(f.Fixes) == 1 && f.Fixes[0].ID == analysis.FixPlaceDirective && moveDirective == nil {
			fix := f.Fixes[0]
			moveDirective = &fix
		}
		if f.End < start || f.Start > end || !want(lsp.CodeActionKindQuickFix) {
			continue
		}
		diag := s.toDiagnostic(f, v.m, v.sn)
		for _, fix := range f.Fixes {
			edit := s.workspaceEdit(v, fix.Edits)
			if edit == nil {
				continue // it creates a file, which the client cannot
			}
			out = append(out, &lsp.CodeAction{
				Title:       fix.Message,
				Kind:        ptr(lsp.CodeActionKindQuickFix),
				Diagnostics: []lsp.Diagnostic{diag},
				IsPreferred: ptr(len(f.Fixes) == 1 && !fix.NeedsReview),
				Edit:        edit,
			})
		}
	}
	fa := v.a.facts
	if want(kindAddUseClient) && !fa.Has(rsc.UseClient) && !fa.Has(rsc.UseServer) {
		out = append(out, &lsp.CodeAction{Title: `Add "use client"`, Kind: ptr(kindAddUseClient),
			Edit: s.workspaceEdit(v, []analysis.TextEdit{textedit.InsertDirective(fa, "use client")})})
	}
	if want(kindAddServerOnly) && !fa.Has(rsc.UseClient) && !importsServerOnly(fa) {
		out = append(out, &lsp.CodeAction{Title: `Add import "server-only"`, Kind: ptr(kindAddServerOnly),
			Edit: s.workspaceEdit(v, []analysis.TextEdit{textedit.InsertSideEffectImport(fa, "server-only")})})
	}
	if moveDirective != nil && want(kindMoveDirective) {
		out = append(out, &lsp.CodeAction{Title: "Move directive to top", Kind: ptr(kindMoveDirective),
			Edit: s.workspaceEdit(v, moveDirective.Edits)})
	}
	return out, nil
}

func importsServerOnly(f *facts.File) bool {
	for _, imp := range f.Imports {
		if imp.Source == "server-only" {
			return true
		}
	}
	return false
}

// workspaceEdit converts edits (in this document or others) to LSP. Edits
// that create files need the client's documentChanges with the create
// operation; without them it returns nil.
func (s *Server) workspaceEdit(v *docView, edits []analysis.TextEdit) *lsp.WorkspaceEdit {
	if analysis.CreatesFile(edits) {
		if !s.caps.createFiles {
			return nil
		}
		return s.documentChanges(v, edits)
	}
	changes := map[uri.URI][]lsp.TextEdit{}
	for _, e := range edits {
		_, u, m := s.editTarget(v, e)
		changes[u] = append(changes[u], lsp.TextEdit{Range: s.toRange(m, e.Start, e.End), NewText: e.NewText})
	}
	return &lsp.WorkspaceEdit{Changes: changes}
}

// editTarget returns the file an edit changes: its path, URI and position
// mapper (the document's own unless the edit names another file).
func (s *Server) editTarget(v *docView, e analysis.TextEdit) (string, uri.URI, *textpos.Mapper) {
	if e.Path != "" && e.Path != v.path {
		return e.Path, s.uriFor(v.sn, e.Path), s.mapperFor(v.sn, e.Path)
	}
	return v.path, v.uri, v.m
}

// documentChanges is workspaceEdit with documentChanges: each new file is
// created (failing if it exists, so that nothing is overwritten) and
// filled, then the other files are edited, a TextDocumentEdit per file in
// the order of their first edit.
func (s *Server) documentChanges(v *docView, edits []analysis.TextEdit) *lsp.WorkspaceEdit {
	var out []lsp.DocumentChange
	byFile := map[uri.URI]*lsp.TextDocumentEdit{}
	var order []uri.URI
	for _, e := range edits {
		if e.NewFile {
			u := s.uriFor(v.sn, e.Path)
			out = append(out,
				&lsp.CreateFile{Kind: "create", URI: u, Options: &lsp.CreateFileOptions{Overwrite: ptr(false), IgnoreIfExists: ptr(false)}},
				&lsp.TextDocumentEdit{
					TextDocument: lsp.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: u}},
					Edits:        []lsp.TextDocumentEditElement{&lsp.TextEdit{NewText: e.NewText}},
				})
			continue
		}
		path, u, m := s.editTarget(v, e)
		td := byFile[u]
		if td == nil {
			// The version of an open document, so that the client refuses
			// the edit if the text changed since; null for the disk's text.
			var version *int32
			if d, ok := v.sn.docs[path]; ok {
				version = ptr(d.version)
			}
			td = &lsp.TextDocumentEdit{TextDocument: lsp.OptionalVersionedTextDocumentIdentifier{
				TextDocumentIdentifier: lsp.TextDocumentIdentifier{URI: u}, Version: version}}
			byFile[u] = td
			order = append(order, u)
		}
		td.Edits = append(td.Edits, &lsp.TextEdit{Range: s.toRange(m, e.Start, e.End), NewText: e.NewText})
	}
	for _, u := range order {
		out = append(out, byFile[u])
	}
	return &lsp.WorkspaceEdit{DocumentChanges: out}
}
