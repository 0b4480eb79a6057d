// Package engine runs the analyzers over a workspace. The command line and
// the language server both drive it: it discovers the project, reads and
// parses every source file through a vfs.FS (in parallel), keeps each
// file's facts and single-file diagnostics, builds the module graph, and
// turns raw diagnostics into findings with severities, suppressions and
// ignore patterns applied.
//
// A Snapshot is immutable: the language server derives a new one for each
// change with Update, reusing every file result whose content is unchanged.
package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/nextconfig"
	"github.com/rscls/rscls/analysis/project"
	"github.com/rscls/rscls/analysis/resolve"
	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
)

// MaxFileSize is the largest file the engine parses; larger files are
// skipped with a note (they are generated bundles, not code people edit).
const MaxFileSize = 2 << 20

// SettingsFile is the name of the optional configuration file at a project root.
const SettingsFile = "rscls.json"

// Cache keeps per-file results across runs. Keys cover everything a
// result depends on, so a hit is as good as analyzing the file again.
// Files with the same text in the same place of two apps share a key,
// and one may be parsed while the other is only tested: Put must not
// replace an entry that has Facts with one that has none.
type Cache interface {
	Get(key [32]byte) (*CachedFile, bool)
	Put(key [32]byte, v *CachedFile)
}

// StampCache is a Cache that also keeps, per file, the stamp (see
// vfs.Stamper) and hash of the text it last read: a file whose stamp is
// unchanged is known by its hash, and when the cache has its results,
// it is not read at all.
type StampCache interface {
	Stamped(path string, s vfs.Stamp) (hash [32]byte, ok bool)
	PutStamp(path string, s vfs.Stamp, hash [32]byte)
}

// Preloader is a Cache that can read its entries ahead of the first
// lookup. Index starts it, so that reading the cache overlaps reading
// the files; not Discover, whose walk the open documents' first
// diagnostics wait for.
type Preloader interface {
	Preload()
}

// CachedFile is what a Cache keeps for a file.
type CachedFile struct {
	Facts *facts.File
	Diags []analysis.Diagnostic
	// NotWanted remembers that no file check may report on the file and
	// the module graph cannot start at it: it is parsed only if a parsed
	// file imports it (Facts is then set too). A warm start then tests the
	// text of no file twice.
	NotWanted bool
}

// Options configure a workspace analysis.
type Options struct {
	Analyzers []*analysis.Analyzer
	// Cache, when set, lets unchanged files skip parsing.
	Cache Cache
	// Overrides is configuration laid over the one read from rscls.json
	// (the language server's initializationOptions and
	// didChangeConfiguration).
	Overrides *analysis.Config
	// DriverSettings returns a fresh section for the keys of rscls.json
	// that belong to the driver (the language server's diagnosticsDelay,
	// codeLens and logLevel): the engine checks them with the rest of the
	// file, and ignores them. Without it they are unknown keys.
	DriverSettings func() analysis.SettingsSection
	// Workers bounds parallel parsing; 0 means one per CPU.
	Workers int
	// First lists files to analyze before the others, and to parse in
	// any case: the language server's open documents.
	First []string
	// ParseAll parses every file, even those that no check can report on
	// and no module of the graph imports (for tests that look at every
	// file's facts).
	ParseAll bool
	// Base is configuration laid under the workspace's own rscls.json
	// files: the command line reads those above the root (up to the
	// repository's root) or the file named by --config, which the
	// engine's file system may not reach.
	Base *analysis.Config
	// NoSettingsFiles leaves the workspace's rscls.json files unread:
	// the driver was given the configuration to use, in Base.
	NoSettingsFiles bool
	// Progress, when set, is told as loading goes how many of the
	// workspace's files are done (read, and parsed when needed) out of
	// how many: from the goroutines that parse, one call at a time, so
	// it must be quick.
	Progress func(done, total int)
}

// FileResult is what the engine keeps per file.
type FileResult struct {
	Path  string
	Hash  [32]byte
	Facts *facts.File
	// Diags are the raw FileScope diagnostics: no severity, no suppression.
	Diags []analysis.Diagnostic
	// Skip says why the file was not analyzed ("" when it was). Facts is
	// nil for a skipped file, and for a file no check needs: one that no
	// file check may report on, where the module graph does not start,
	// and that no parsed file imports. Such a file is read, not parsed.
	Skip string
	Info analysis.File // path, role and facts (Src is not kept)

	// looked says the cache was asked already, while loading decided
	// whether the file is wanted; hit is what it had, for fromCache.
	// tested says notWanted is decided.
	looked, tested, notWanted bool
	hit                       *CachedFile
	// unread says openFile knew the hash from the file's stamp and did
	// not read it: text reads it if it is needed after all.
	unread bool
}

// Note is something worth telling the user that is not a finding: a
// skipped file, a configuration problem.
type Note struct {
	Path    string
	Message string
	// Error marks problems the user must fix (an invalid rscls.json).
	Error bool
}

// Finding is a diagnostic with its file and severity decided.
type Finding struct {
	Path     string
	Severity analysis.Severity
	analysis.Diagnostic
}

// Snapshot is an analyzed workspace.
type Snapshot struct {
	FS      vfs.FS
	Root    string
	Project *project.Project
	Config  *analysis.Config // for files outside any app with its own rscls.json
	opts    Options
	configs map[string]*analysis.Config // by app directory
	sources map[string][]string         // by app directory and root: the rscls.json files read, outermost first
	files   map[string]*FileResult
	notes   []Note

	resolver   *resolve.Resolver
	graph      *graph.Graph
	external   map[string]*FileResult // installed packages' modules the graph reached
	graphDiags map[string][]analysis.Diagnostic
	graphDeps  map[string][]string        // per file: the modules its graph checks looked at
	sigs       map[string]graph.Signature // per module: what graph checks can observe of it
	rerun      int                        // graph passes run (not reused) by the last build
	lateParses int                        // workspace files the graph reached that loading had not parsed
	// settingsKeys remembers settingsKey per *analysis.Config.
	settingsKeys sync.Map
}

// Load discovers and analyzes the workspace at root.
func Load(ctx context.Context, fsys vfs.FS, root string, opts Options) (*Snapshot, error) {
	d, err := Discover(ctx, fsys, root, opts)
	if err != nil {
		return nil, err
	}
	return d.Index(ctx)
}

// Discover finds the workspace's files and reads its settings, and
// analyzes none: a snapshot with no files and no graph, that Index
// completes. It is what AnalyzeFile needs, and AnalyzeFile finds on it
// what it finds on the complete snapshot (the same roles, the same
// settings), so an editor can check open documents while Index runs.
func Discover(ctx context.Context, fsys vfs.FS, root string, opts Options) (*Snapshot, error) {
	registerFileFacts(opts.Analyzers)
	root = filepath.Clean(root)
	proj, err := project.Discover(fsys, root)
	if err != nil {
		return nil, err
	}
	s := &Snapshot{FS: fsys, Root: root, Project: proj, opts: opts, files: map[string]*FileResult{}, external: map[string]*FileResult{}}
	for _, n := range proj.Notes {
		s.notes = append(s.notes, Note{Message: n})
	}
	s.loadConfig()
	return s, ctx.Err()
}

// Index analyzes every file of a snapshot Discover made and returns the
// complete snapshot, which shares its project and settings.
func (d *Snapshot) Index(ctx context.Context) (*Snapshot, error) {
	return d.IndexOn(ctx, d.FS, d.opts.First)
}

// IndexOn is Index reading the files through fsys, with first (open
// documents) analyzed first: a language server hands it the documents as
// they are when the discovery ends, rather than as they were when it
// began. Which files there are, their roles and the settings are the
// discovery's; an update applies what fsys changes of those.
func (d *Snapshot) IndexOn(ctx context.Context, fsys vfs.FS, first []string) (*Snapshot, error) {
	opts := d.opts
	opts.First = first
	s := &Snapshot{FS: fsys, Root: d.Root, Project: d.Project, Config: d.Config, configs: d.configs, sources: d.sources, opts: opts,
		notes: d.notes[:len(d.notes):len(d.notes)], files: map[string]*FileResult{}, external: map[string]*FileResult{}}
	var paths []string
	for _, p := range s.Project.Files {
		if !s.ignored(p) {
			paths = append(paths, p)
		}
	}
	if p, ok := s.opts.Cache.(Preloader); ok {
		go p.Preload()
	}
	s.resolver = resolve.New(s.FS, resolve.Options{Workspaces: s.Project.Workspaces, Listings: s.Project.Listings})
	results := s.analyzeFiles(ctx, paths, nil, nil)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, r := range results {
		s.files[r.Path] = r
	}
	s.buildGraph(nil, nil)
	return s, nil
}

// Graph returns the module graph.
func (s *Snapshot) Graph() *graph.Graph { return s.graph }

// Resolver returns the snapshot's import resolver.
func (s *Snapshot) Resolver() *resolve.Resolver { return s.resolver }

// Rel returns path relative to the workspace root, with forward slashes.
func (s *Snapshot) Rel(path string) string {
	if r, err := filepath.Rel(s.Root, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// buildGraph resolves imports, computes environments and runs the
// GraphScope analyzers. prevExternal lets an update reuse installed
// packages' facts; prev, when the analyzers and settings are those of the
// previous snapshot, lets it reuse the graph findings of every module
// whose inputs are unchanged.
func (s *Snapshot) buildGraph(prevExternal map[string]*FileResult, prev *Snapshot) {
	if s.resolver == nil {
		s.resolver = resolve.New(s.FS, resolve.Options{Workspaces: s.Project.Workspaces})
	}
	units := make([]*graph.Unit, 0, len(s.files))
	for _, r := range s.files {
		if u := r.graphUnit(); u != nil {
			units = append(units, u)
		}
	}
	load := func(path, pkg string) *graph.Unit {
		if _, ok := syntax.LangForPath(path); !ok {
			return nil
		}
		if r := s.files[path]; r != nil && r.waiting() {
			// A workspace file the loading left unparsed, which the graph
			// reaches all the same: parsed now, in order. The loading's
			// closure over imports makes this rare; it only costs time.
			r = s.analyzeFile(path, nil)
			s.files[path] = r
			s.lateParses++
			return r.graphUnit()
		}
		r, ok := s.external[path]
		if !ok {
			r = s.analyzeFile(path, prevExternal[path])
			s.external[path] = r
		}
		u := r.graphUnit()
		if u != nil && u.Package == "" {
			u.Package = pkg
		}
		return u
	}
	s.graph = graph.Build(graph.Input{Units: units, Resolver: s.resolver, Load: load})
	s.graphDiags = map[string][]analysis.Diagnostic{}
	s.graphDeps = map[string][]string{}
	s.sigs = make(map[string]graph.Signature, len(s.graph.Modules))
	for _, m := range s.graph.Modules {
		s.sigs[m.Path] = s.graph.Signature(m)
	}
	changed := func(path string) bool {
		old, ok := prev.sigs[path]
		return !ok || old != s.sigs[path]
	}
	var todo []*graph.Module
	for _, m := range s.graph.Modules {
		r := s.files[m.Path]
		if r == nil || m.External || r.Info.InNodeModules {
			continue
		}
		if prev != nil && !changed(m.Path) {
			deps, ok := prev.graphDeps[m.Path]
			for _, d := range deps {
				if changed(d) {
					ok = false
					break
				}
			}
			if ok {
				s.graphDiags[m.Path], s.graphDeps[m.Path] = prev.graphDiags[m.Path], deps
				continue
			}
		}
		todo = append(todo, m)
	}
	// The graph is complete and no longer changes: modules are checked in
	// parallel, each pass with its own recorder and reports.
	type passResult struct {
		diags []analysis.Diagnostic
		deps  []string
	}
	out := make([]passResult, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := min(s.workers(), len(todo)); w > 0; w-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(todo); i = int(next.Add(1)) - 1 {
				out[i].diags, out[i].deps = s.runGraphAnalyzers(s.files[todo[i].Path], todo[i])
			}
		}()
	}
	wg.Wait()
	for i, m := range todo {
		if out[i].diags != nil {
			s.graphDiags[m.Path] = out[i].diags
		}
		s.graphDeps[m.Path] = out[i].deps
	}
	s.rerun += len(todo)
}

// workers is how many files or modules are analyzed at once.
func (s *Snapshot) workers() int {
	if s.opts.Workers > 0 {
		return s.opts.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// GraphPassesRun returns how many modules' graph checks the last build
// ran rather than reused.
func (s *Snapshot) GraphPassesRun() int { return s.rerun }

// graphUnit returns the file as a new graph needs it. A unit belongs to
// one graph: file results are shared between snapshots, units are not.
func (r *FileResult) graphUnit() *graph.Unit {
	if r.Facts == nil {
		return nil
	}
	u := &graph.Unit{Path: r.Path, Facts: r.Facts, Role: r.Info.Role, External: r.Info.InNodeModules}
	if r.Info.InNodeModules {
		u.Package = packageOf(r.Path)
	}
	return u
}

// packageOf returns the name of the installed package a file belongs to:
// what follows the last node_modules directory in its path.
func packageOf(path string) string {
	p := filepath.ToSlash(path)
	i := strings.LastIndex(p, "/node_modules/")
	if i < 0 {
		return ""
	}
	parts := strings.SplitN(p[i+len("/node_modules/"):], "/", 3)
	if strings.HasPrefix(parts[0], "@") && len(parts) > 1 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// runGraphAnalyzers runs the GraphScope analyzers on module m, and
// returns their diagnostics and the modules they looked at.
func (s *Snapshot) runGraphAnalyzers(r *FileResult, m *graph.Module) (diags []analysis.Diagnostic, deps []string) {
	file := r.Info
	view := s.graph.Record()
	p := &passes{
		base:   analysis.Pass{File: &file, Graph: view, Module: m, Config: s.ConfigFor(r.Path), ReadFile: s.FS.ReadFile, Rel: s.Rel},
		report: func(d analysis.Diagnostic) { diags = append(diags, d) },
	}
	for _, a := range s.opts.Analyzers {
		if a.Scope == analysis.GraphScope {
			p.check(a)
		}
	}
	return diags, view.Deps()
}

// loadConfig reads the rscls.json files that apply to each app: those of
// every directory from the root down to the app's, each laid over the
// ones above it, so that an app's configuration does not depend on
// which folder the analysis starts from.
func (s *Snapshot) loadConfig() {
	s.configs = map[string]*analysis.Config{}
	s.sources = map[string][]string{}
	read := func(dir string) *analysis.Config {
		if s.opts.NoSettingsFiles {
			return nil
		}
		path := filepath.Join(dir, SettingsFile)
		data, err := s.FS.ReadFile(path)
		if err != nil {
			if !vfs.IsNotExist(err) {
				s.notes = append(s.notes, Note{Path: path, Message: "cannot read: " + err.Error(), Error: true})
			}
			return nil
		}
		var sections []analysis.SettingsSection
		if s.opts.DriverSettings != nil {
			sections = append(sections, s.opts.DriverSettings())
		}
		st, err := analysis.ParseConfig(data, s.opts.Analyzers, sections...)
		if err != nil {
			s.notes = append(s.notes, Note{Path: path, Message: err.Error(), Error: true})
			return nil
		}
		return st
	}
	type layered struct {
		config *analysis.Config
		files  []string
	}
	memo := map[string]layered{}
	var at func(dir string) layered
	at = func(dir string) layered {
		if l, ok := memo[dir]; ok {
			return l
		}
		var l layered
		if dir == s.Root || !strings.HasPrefix(dir, s.Root+string(filepath.Separator)) {
			l.config = &analysis.Config{}
			if s.opts.Base != nil {
				l.config = s.opts.Base
			}
		} else {
			l = at(filepath.Dir(dir))
		}
		if st := read(dir); st != nil {
			l = layered{config: l.config.Merge(st), files: append(append([]string(nil), l.files...), filepath.Join(dir, SettingsFile))}
		}
		memo[dir] = l
		return l
	}
	root := at(s.Root)
	s.Config = root.config.Merge(s.opts.Overrides)
	s.sources[s.Root] = root.files
	for _, app := range s.Project.Apps {
		c := s.Config
		if app.Dir != s.Root {
			if l := at(app.Dir); len(l.files) > len(root.files) {
				c = l.config.Merge(s.opts.Overrides)
				s.sources[app.Dir] = l.files
			}
		}
		c = c.Merge(nil) // a copy, to hold this app's next.config
		c.Next = s.readNextConfig(app)
		s.configs[app.Dir] = c
	}
}

// readNextConfig reads an app's next.config statically; what cannot be
// read becomes a note.
func (s *Snapshot) readNextConfig(app *project.App) *nextconfig.Config {
	major := project.NextMajor(s.FS, s.Root, app)
	_, err := s.FS.Stat(filepath.Join(app.Dir, "tsconfig.json"))
	typescript := err == nil
	if app.NextConfig == "" {
		return &nextconfig.Config{NextMajor: major, TypeScript: typescript}
	}
	c := nextconfig.Read(s.FS, app.NextConfig)
	c.NextMajor, c.TypeScript = major, typescript
	var src []byte
	if len(c.Notes) > 0 {
		src, _ = s.FS.ReadFile(app.NextConfig)
	}
	for _, n := range c.Notes {
		line := 1 + bytes.Count(src[:min(n.Offset, len(src))], []byte("\n"))
		s.notes = append(s.notes, Note{Path: app.NextConfig, Message: fmt.Sprintf("line %d: %s", line, n.Message)})
	}
	return c
}

// SettingsFiles returns the rscls.json files whose settings apply to the
// files of the app at dir (or, for the root, to files outside any app
// with files of its own), outermost first.
func (s *Snapshot) SettingsFiles(dir string) []string {
	if files, ok := s.sources[dir]; ok {
		return files
	}
	return s.sources[s.Root]
}

// ConfigFor returns the configuration in force for a file.
func (s *Snapshot) ConfigFor(path string) *analysis.Config {
	if info := s.Project.Classify(path); info.App != nil {
		if st, ok := s.configs[info.App.Dir]; ok {
			return st
		}
	}
	return s.Config
}

// Notes returns what the engine has to say besides findings.
func (s *Snapshot) Notes() []Note {
	out := append([]Note(nil), s.notes...)
	for _, r := range s.files {
		if r.Skip != "" {
			out = append(out, Note{Path: r.Path, Message: "skipped: " + r.Skip})
		}
	}
	if s.Project != nil && len(s.Project.Apps) == 0 {
		// Otherwise a check of the wrong directory looks like a clean app.
		out = append(out, Note{Path: s.Root, Message: "no Next.js app found, so only the checks of single files ran: rscls looks for app/ or pages/ (or src/app, src/pages) beside a next.config file or a package.json that depends on next"})
	}
	if s.resolver != nil {
		for _, p := range s.resolver.ConfigProblems() {
			out = append(out, Note{Path: p.Path, Message: p.Message})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Skipped returns how many of the workspace's files were not analyzed
// (each has a note saying why).
func (s *Snapshot) Skipped() int {
	n := 0
	for _, r := range s.files {
		if r.Skip != "" {
			n++
		}
	}
	return n
}

// File returns the result for a path, or nil.
func (s *Snapshot) File(path string) *FileResult { return s.files[filepath.Clean(path)] }

// Files returns every analyzed path, sorted.
func (s *Snapshot) Files() []string {
	out := make([]string, 0, len(s.files))
	for p := range s.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func (s *Snapshot) ignored(path string) bool {
	st := s.ConfigFor(path)
	if len(st.Ignore) == 0 {
		return false
	}
	rel, err := filepath.Rel(s.Root, path)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, pat := range st.Ignore {
		if analysis.MatchGlob(pat, rel) {
			return true
		}
	}
	return false
}

// fileInfo describes a file's place in the project.
func (s *Snapshot) fileInfo(path string) analysis.File {
	info := s.Project.Classify(path)
	f := analysis.File{Path: path, Role: info.Role}
	base := s.Root
	if info.App != nil {
		base = info.App.Dir
		if info.App.AppDir != "" {
			f.InAppDir = strings.HasPrefix(path, info.App.AppDir+string(filepath.Separator))
		}
	}
	if rel, err := filepath.Rel(base, path); err == nil {
		f.Rel = filepath.ToSlash(rel)
	} else {
		f.Rel = filepath.ToSlash(path)
	}
	f.InNodeModules = strings.Contains(filepath.ToSlash(path), "/node_modules/")
	return f
}

// analyzeFile produces the complete result for one file, parsing it
// unless prev or the cache has it. It never fails: unreadable or
// unsuitable files get a Skip reason.
func (s *Snapshot) analyzeFile(path string, prev *FileResult) *FileResult {
	r, src, complete := s.openFile(path, prev)
	if complete || s.fromCache(r) {
		return r
	}
	return s.finishFile(r, src)
}

// stamp returns the file's stamp, when both the file source and the
// cache keep stamps.
func (s *Snapshot) stamp(path string) (vfs.Stamp, StampCache, bool) {
	sc, ok := s.opts.Cache.(StampCache)
	if !ok {
		return vfs.Stamp{}, nil, false
	}
	st, ok := s.FS.(vfs.Stamper)
	if !ok {
		return vfs.Stamp{}, nil, false
	}
	stamp, ok := st.Stamp(path)
	return stamp, sc, ok
}

// openFile reads a file. The result is complete when the file is skipped
// or its analysis is reused from prev; otherwise it holds the file's
// place and hash, and fromCache or finishFile completes it.
func (s *Snapshot) openFile(path string, prev *FileResult) (r *FileResult, src []byte, complete bool) {
	info := s.fileInfo(path)
	defer func() {
		if p := recover(); p != nil {
			r, src, complete = &FileResult{Path: path, Info: info, Skip: fmt.Sprintf("internal error, please report it: %v", p)}, nil, true
		}
	}()
	r = &FileResult{Path: path, Info: info}
	stamp, stamps, stamped := s.stamp(path)
	if stamped {
		if h, ok := stamps.Stamped(path, stamp); ok {
			r.Hash, r.unread = h, true
		}
	}
	if !r.unread {
		var ok bool
		if src, ok = s.read(r); !ok {
			return r, nil, true
		}
		if stamped {
			stamps.PutStamp(path, stamp, r.Hash)
		}
	}
	if prev != nil && prev.Facts != nil && prev.Hash == r.Hash && prev.Skip == "" && sameRole(prev.Info, info) {
		return prev, nil, true
	}
	return r, src, false
}

// read reads r's file and sets its hash, or sets its Skip reason.
func (s *Snapshot) read(r *FileResult) ([]byte, bool) {
	src, err := s.FS.ReadFile(r.Path)
	if err != nil {
		r.Skip = "cannot read: " + describeReadError(err)
		return nil, false
	}
	if reason := SkipReason(src); reason != "" {
		r.Skip = reason
		return nil, false
	}
	r.Hash = sha256.Sum256(src)
	return src, true
}

// text returns src, or reads the file when openFile did not (r.unread).
// A text that no longer has the stamped hash replaces it: the file
// changed since.
func (s *Snapshot) text(r *FileResult, src []byte) ([]byte, bool) {
	if r.Skip != "" {
		return nil, false
	}
	if src != nil || !r.unread {
		return src, true
	}
	r.unread = false
	return s.read(r)
}

// fromCache completes r from the cache, and reports whether it did. A
// file wantedCached tested was looked up then: its answer is reused.
func (s *Snapshot) fromCache(r *FileResult) bool {
	c := s.opts.Cache
	if c == nil {
		return false
	}
	hit, ok := r.hit, r.hit != nil
	if !r.looked {
		hit, ok = c.Get(s.cacheKey(r))
	}
	r.looked, r.hit = false, nil
	if !ok || hit.Facts == nil {
		return false
	}
	hit.Facts.Index()
	r.Facts, r.Info.Facts, r.Diags = hit.Facts, hit.Facts, hit.Diags
	return true
}

// finishFile parses src, extracts its facts and runs the file analyzers,
// and stores the result in the cache. A bug in rscls on one file must not
// stop the others, nor end the process: a panic skips the file.
func (s *Snapshot) finishFile(r *FileResult, src []byte) (out *FileResult) {
	defer func() {
		if p := recover(); p != nil {
			skip := fmt.Sprintf("internal error, please report it: %v", p)
			if be, ok := p.(*syntax.BudgetError); ok {
				skip = be.Error()
			}
			out = &FileResult{Path: r.Path, Info: s.fileInfo(r.Path), Skip: skip}
		}
	}()
	src, ok := s.text(r, src)
	if !ok {
		return r
	}
	s.runFileAnalyzers(r, src)
	if c := s.opts.Cache; c != nil {
		if !r.tested {
			// Parsed before its text was tested: an import reached it
			// first. The entry must still say whether it is wanted.
			r.notWanted = !s.wanted(r, src)
		}
		c.Put(s.cacheKey(r), &CachedFile{Facts: r.Facts, Diags: r.Diags, NotWanted: r.notWanted})
	}
	return r
}

// wantedCached is wanted, remembered in the cache. The key covers the
// text, the role and everything file checks read, which is all Wants and
// the graph's test of a root look at. A file with facts in the cache and
// not marked NotWanted was wanted.
// A file openFile did not read is read only when the cache has nothing
// for it; *src is then its text.
func (s *Snapshot) wantedCached(r *FileResult, src *[]byte) bool {
	c := s.opts.Cache
	if c == nil {
		return s.wanted(r, *src)
	}
	hit, ok := c.Get(s.cacheKey(r))
	if !ok && r.unread {
		old := r.Hash
		text, read := s.text(r, nil)
		if !read {
			return true // finishFile keeps the reason it is skipped
		}
		*src = text
		if r.Hash != old {
			hit, ok = c.Get(s.cacheKey(r))
		}
	}
	r.looked, r.hit, r.tested = true, hit, true
	if ok {
		r.notWanted = hit.NotWanted
		return !hit.NotWanted
	}
	if s.wanted(r, *src) {
		return true
	}
	r.notWanted = true
	c.Put(s.cacheKey(r), &CachedFile{NotWanted: true})
	return false
}

// wanted reports whether a file must be parsed for its own sake: a file
// check may report on it, or the module graph may start at it. Any other
// file matters only when a parsed one imports it.
func (s *Snapshot) wanted(r *FileResult, src []byte) bool {
	if graph.MayBeRoot(r.Info.Role, src) {
		return true
	}
	file := r.Info
	file.Src = src
	config := s.ConfigFor(r.Path)
	for _, a := range s.opts.Analyzers {
		if a.Scope == analysis.FileScope && (a.Wants == nil || a.Wants(&file, config)) {
			return true
		}
	}
	return false
}

// cacheKey hashes everything a file's facts and single-file findings
// depend on: its content, grammar, role, the path messages show, the
// settings single-file checks read, and the analyzers that ran.
func (s *Snapshot) cacheKey(r *FileResult) [32]byte {
	h := sha256.New()
	lang, _ := syntax.LangForPath(r.Path)
	fmt.Fprintf(h, "%x\x00%d\x00%s\x00%d\x00%v\x00%v\x00", r.Hash, lang, r.Info.Rel, r.Info.Role, r.Info.InAppDir, r.Info.InNodeModules)
	settings := s.settingsKey(s.ConfigFor(r.Path))
	h.Write(settings[:])
	var key [32]byte
	copy(key[:], h.Sum(nil))
	return key
}

// settingsKey hashes the part of cache keys that is the same for every
// file under config: the settings single-file checks read and the
// analyzers that ran. It is computed once per config, not per file.
func (s *Snapshot) settingsKey(config *analysis.Config) [32]byte {
	if v, ok := s.settingsKeys.Load(config); ok {
		return v.([32]byte)
	}
	h := sha256.New()
	for _, k := range config.CacheKindsOrNil() {
		fmt.Fprintf(h, "kind:%s\x00", k)
	}
	// File checks read what next.config says (the flags, the cache kinds).
	fmt.Fprintf(h, "next:%s\x00", config.Next.Digest())
	for _, a := range s.opts.Analyzers {
		if a.Scope == analysis.FileScope {
			fmt.Fprintf(h, "a:%s\x00", a.Name)
		}
		if a.FileFact != nil {
			fmt.Fprintf(h, "fact:%s\x00", a.Name)
		}
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	s.settingsKeys.Store(config, key)
	return key
}

func sameRole(a, b analysis.File) bool {
	return a.Path == b.Path && a.Rel == b.Rel && a.Role == b.Role && a.InAppDir == b.InAppDir && a.InNodeModules == b.InNodeModules
}

func describeReadError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil {
		err = pe.Err // the path is said already
	}
	// A bare "not exist" (an errno, fs.ErrNotExist) gets words here; an
	// error that wraps one has its own (a dangling symlink).
	if _, wraps := err.(interface{ Unwrap() error }); !wraps && errors.Is(err, fs.ErrNotExist) {
		return "the file no longer exists"
	}
	return err.Error()
}

// SkipReason says why content cannot be analyzed as source code (too
// large, binary, not UTF-8), or returns "".
func SkipReason(src []byte) string {
	if len(src) > MaxFileSize {
		return fmt.Sprintf("larger than %d MB (%d bytes)", MaxFileSize>>20, len(src))
	}
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "binary file"
	}
	if !utf8.Valid(src) {
		return "not valid UTF-8"
	}
	return ""
}

// runFileAnalyzers parses src, extracts facts and runs the FileScope
// analyzers; the syntax tree is dropped afterwards. A phase that overruns
// the file's budget panics with a *syntax.BudgetError, which analyzeFile
// turns into a skipped file.
func (s *Snapshot) runFileAnalyzers(r *FileResult, src []byte) {
	lang, _ := syntax.LangForPath(r.Path)
	tree, err := syntax.Parse(src, lang)
	if err != nil {
		panic(err)
	}
	s.runFileAnalyzersOn(r, tree)
}

// Findings returns the findings for every file, sorted by path and position.
func (s *Snapshot) Findings() []Finding {
	var out []Finding
	for _, p := range s.Files() {
		out = append(out, s.FindingsFor(p)...)
	}
	return out
}

// FindingsFor returns the findings for one file.
func (s *Snapshot) FindingsFor(path string) []Finding {
	return s.findings(s.files[path], s.graphDiags[path])
}

// suppressed reports whether an rscls-ignore comment covers d.
func suppressed(f *facts.File, d analysis.Diagnostic) bool {
	for _, sup := range f.Suppress {
		if !sup.File && (d.Start < sup.Applies.Start || d.Start > sup.Applies.End) {
			continue
		}
		for _, rule := range sup.Rules {
			if rule == d.Rule || rule == "all" {
				return true
			}
		}
	}
	return false
}
