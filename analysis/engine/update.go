package engine

import (
	"context"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/resolve"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
)

// structural reports whether a change to path can change the project's
// shape: which apps and packages exist, how imports resolve, or settings.
func structural(path string) bool {
	base := filepath.Base(path)
	switch {
	case base == "package.json", base == SettingsFile, base == "pnpm-workspace.yaml",
		strings.HasPrefix(base, "tsconfig") && strings.HasSuffix(base, ".json"),
		strings.HasPrefix(base, "jsconfig") && strings.HasSuffix(base, ".json"),
		strings.HasPrefix(base, "next.config."):
		return true
	}
	return false
}

// Update returns a snapshot of the same workspace after the files in
// changed were modified, created or deleted, as fsys now shows them. It
// reuses every file result whose content is unchanged and, unless the
// project's shape changed (a file appeared or disappeared, or a
// package.json, tsconfig, rscls.json or next.config changed), the project
// discovery and the resolver's caches.
func (s *Snapshot) Update(ctx context.Context, fsys vfs.FS, changed []string, opts Options) (*Snapshot, error) {
	registerFileFacts(opts.Analyzers)
	rediscover := false
	for _, p := range changed {
		if structural(p) {
			rediscover = true
			break
		}
		if _, ok := syntax.LangForPath(p); !ok {
			continue
		}
		_, err := fsys.Stat(p)
		_, known := s.files[p]
		if (err == nil) != known && !s.ignoredBy(p) && !strings.Contains(filepath.ToSlash(p), "/node_modules/") {
			rediscover = true // a source file appeared or disappeared
			break
		}
	}
	n := &Snapshot{FS: fsys, Root: s.Root, opts: opts, files: map[string]*FileResult{}, external: map[string]*FileResult{}}
	if rediscover {
		proj, err := project.Discover(fsys, s.Root)
		if err != nil {
			return nil, err
		}
		n.Project = proj
		// The listings the discovery just read serve the new resolver.
		n.resolver = resolve.New(fsys, resolve.Options{Workspaces: proj.Workspaces, Listings: proj.Listings})
		for _, note := range proj.Notes {
			n.notes = append(n.notes, Note{Message: note})
		}
		n.loadConfig()
	} else {
		n.Project, n.Config, n.configs, n.sources = s.Project, s.Config, s.configs, s.sources
		for _, note := range s.notes {
			n.notes = append(n.notes, note)
		}
		if opts.Overrides != s.opts.Overrides {
			n.loadConfig()
		}
		n.resolver = s.resolver // existence and configuration are unchanged
	}
	if n.resolver == nil {
		n.resolver = resolve.New(fsys, resolve.Options{Workspaces: n.Project.Workspaces})
	}
	dirty := map[string]bool{}
	for _, p := range changed {
		dirty[filepath.Clean(p)] = true
	}
	var todo []string
	prev := map[string]*FileResult{}
	// A file parsed before stays parsed: a file that was not re-read may
	// import it.
	force := map[string]bool{}
	for _, p := range n.Project.Files {
		if n.ignored(p) {
			continue
		}
		if old, ok := s.files[p]; ok && !dirty[p] && !rediscover {
			n.files[p] = old
			continue
		}
		todo = append(todo, p)
		prev[p] = s.files[p]
		if old := s.files[p]; old != nil && old.Facts != nil {
			force[p] = true
		}
	}
	results := n.analyzeFiles(ctx, todo, prev, force)
	for _, r := range results {
		if r != nil {
			n.files[r.Path] = r
		}
	}
	parsedMore := false
	// What the changed files now import among the files left unparsed,
	// and so on: the loading saw only the changed files.
	for len(results) > 0 && ctx.Err() == nil {
		var more []string
		want := map[string]bool{}
		for _, r := range results {
			if r == nil || r.Facts == nil {
				continue
			}
			for _, t := range importTargets(n.resolver, r.Path, r.Facts) {
				if w := n.files[t]; w != nil && w.waiting() && !want[t] {
					want[t] = true
					more = append(more, t)
				}
			}
		}
		results = n.analyzeFiles(ctx, more, nil, want)
		for _, r := range results {
			if r != nil {
				n.files[r.Path] = r
				parsedMore = true
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ext := map[string]*FileResult{}
	for p, r := range s.external {
		if !dirty[p] {
			ext[p] = r
		}
	}
	var reuse *Snapshot
	if !rediscover && opts.Overrides == s.opts.Overrides && sameAnalyzers(opts.Analyzers, s.opts.Analyzers) {
		reuse = s
	}
	if reuse != nil && !parsedMore && sameResults(s, n, dirty) {
		// Every changed file has the text it had (a document opened
		// as it is on disk, or read by the index as it is now): the
		// graph and its findings are those of s.
		n.graph, n.external, n.graphDiags, n.graphDeps, n.sigs = s.graph, s.external, s.graphDiags, s.graphDeps, s.sigs
		return n, ctx.Err()
	}
	n.buildGraph(ext, reuse)
	return n, ctx.Err()
}

// sameResults reports whether n holds for every changed path what s
// held: the same result, or none in both, and no installed module.
func sameResults(s, n *Snapshot, dirty map[string]bool) bool {
	for p := range dirty {
		if n.files[p] != s.files[p] || s.external[p] != nil {
			return false
		}
	}
	return true
}

func (s *Snapshot) ignoredBy(p string) bool { return s.ignored(p) }

func sameAnalyzers(a, b []*analysis.Analyzer) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Options returns the options the snapshot was built with.
func (s *Snapshot) Options() Options { return s.opts }

// AnalyzeFile runs the single-file part of the analysis on content that
// may differ from the snapshot's (an editor buffer being typed into), with
// the snapshot's project roles and settings. It returns the file's facts,
// the tree-dependent facts for editor features, and its FileScope
// findings. The only error is a *syntax.BudgetError: the work took longer
// than the file's budget.
func (s *Snapshot) AnalyzeFile(path string, tree *syntax.Tree) (f *facts.File, local *facts.Local, findings []Finding, err error) {
	r := &FileResult{Path: path, Info: s.fileInfo(path)}
	defer func() {
		if p := recover(); p != nil {
			be, ok := p.(*syntax.BudgetError)
			if !ok {
				panic(p)
			}
			f, local, findings, err = nil, nil, nil, be
		}
	}()
	f, local = s.runFileAnalyzersOn(r, tree)
	return f, local, s.findings(r, nil), nil
}

// runFileAnalyzersOn runs the FileScope analyzers on a parsed tree. It
// panics with a *syntax.BudgetError when the file's analysis budget runs
// out: fact extraction checks it as it goes, and the driver after each
// analyzer.
func (s *Snapshot) runFileAnalyzersOn(r *FileResult, tree *syntax.Tree) (*facts.File, *facts.Local) {
	dl := syntax.NewDeadline(len(tree.Src))
	f, local := facts.ExtractWithin(tree, dl)
	r.Facts = f
	r.Info.Facts = f
	file := r.Info
	file.Src = tree.Src
	p := &passes{
		base:   analysis.Pass{File: &file, Syntax: local, Config: s.ConfigFor(r.Path)},
		report: func(d analysis.Diagnostic) { r.Diags = append(r.Diags, d) },
		after:  dl.CheckNow,
	}
	// What graph checks extract for themselves, from every file the
	// graph may hold.
	for _, a := range s.opts.Analyzers {
		if a.FileFact != nil {
			p.fileFact(a)
		}
	}
	if r.Info.InNodeModules {
		r.Diags = nil
		return f, local
	}
	for _, a := range s.opts.Analyzers {
		if a.Scope == analysis.FileScope {
			p.check(a)
		}
	}
	return f, local
}

// GraphFindingsFor returns only the GraphScope findings of a file.
func (s *Snapshot) GraphFindingsFor(path string) []Finding {
	r := s.files[path]
	if r == nil || r.Facts == nil {
		return nil
	}
	return s.findings(&FileResult{Path: path, Facts: r.Facts, Info: r.Info}, s.graphDiags[path])
}

// findings applies settings and suppressions to a file's raw diagnostics
// and graph diagnostics, sorted by position.
func (s *Snapshot) findings(r *FileResult, graphDiags []analysis.Diagnostic) []Finding {
	if r == nil || r.Facts == nil || r.Info.InNodeModules {
		return nil
	}
	config := s.ConfigFor(r.Path)
	var out []Finding
	add := func(d analysis.Diagnostic) {
		a := s.analyzer(d.Rule)
		sev := analysis.SeverityError
		if a != nil {
			sev = config.SeverityFor(a, d)
		}
		if sev == analysis.SeverityOff || suppressed(r.Facts, d) {
			return
		}
		out = append(out, Finding{Path: r.Path, Severity: sev, Diagnostic: d})
	}
	for _, d := range r.Diags {
		add(d)
	}
	for _, d := range graphDiags {
		add(d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

func (s *Snapshot) analyzer(name string) *analysis.Analyzer {
	for _, a := range s.opts.Analyzers {
		if a.Name == name {
			return a
		}
	}
	return nil
}
