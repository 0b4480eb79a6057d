// Package analysis defines the interface between the checks of rscls and
// the drivers that run them (the command line and the language server),
// after golang.org/x/tools/go/analysis: each check is one Analyzer value;
// it reports Diagnostics that carry byte ranges, a message, related
// locations and suggested fixes, but no severity: drivers decide severity
// from the analyzer's default and the user's configuration.
//
// The engine under this package does no I/O of its own. Files come in
// through a vfs.FS, so editors can lay unsaved buffers over the disk.
package analysis

import (
	"fmt"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/project"
)

// Scope says what an analyzer looks at.
type Scope uint8

const (
	// FileScope analyzers see one file: its syntax tree and facts. Their
	// results depend only on the file's content, path and role, so drivers
	// cache them with the facts.
	FileScope Scope = iota
	// GraphScope analyzers see a module with its place in the module graph:
	// which environments reach it, through which imports. They run on facts
	// only, never on syntax trees.
	GraphScope
)

// Severity is how a driver presents a diagnostic.
type Severity uint8

const (
	SeverityOff Severity = iota
	SeverityHint
	SeverityInfo
	SeverityWarning
	SeverityError
)

var severityNames = [...]string{"off", "hint", "info", "warning", "error"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", s)
}

// ParseSeverity reads a severity name as written in configuration;
// "warn", ESLint's name for a warning, is a warning too.
func ParseSeverity(s string) (Severity, bool) {
	if s == "warn" {
		return SeverityWarning, true
	}
	for i, n := range severityNames {
		if n == s {
			return Severity(i), true
		}
	}
	return 0, false
}

// An Analyzer is one check, or a step of analysis that checks share: an
// analyzer that reports nothing and returns a result that others require
// (the import chains of a module, what ties a module to one environment).
type Analyzer struct {
	// Name identifies the check in configuration, suppression comments,
	// output and documentation. It must be a valid identifier.
	Name string
	// Doc documents the check; its first line is a short title.
	Doc string
	// URL points to the documentation of the Next.js rule it enforces.
	URL string
	// Scope says whether Run sees one file or the module graph.
	Scope Scope
	// Severity is the default severity; configuration can change it.
	Severity Severity
	// Tags are given to every diagnostic of the analyzer.
	Tags Tag
	// Envs, for a GraphScope analyzer, lists the environments it checks
	// modules in: the driver runs it on a module of the workspace once
	// for each of them the module is in, with Pass.Env set. Without Envs
	// it runs once per module of the workspace, whatever its
	// environments. Installed packages' modules are never checked.
	Envs []graph.Env
	// Requires lists the analyzers whose results Run needs; the driver
	// runs them first, on the same file or module, and hands their
	// results over in Pass.ResultOf. They have the analyzer's Scope. An
	// analyzer that the driver runs only because another requires it
	// reports nothing.
	Requires []*Analyzer
	// ResultType is the type of the result Run returns, for analyzers
	// that others require; nil for checks, whose Run returns nil.
	ResultType reflect.Type
	// FileFact, for a graph check, extracts what the check needs to know
	// of a file from its syntax, since graph passes see facts, not trees.
	// The driver runs it on every file it parses, installed packages'
	// modules included, with Pass.File and Pass.Syntax set, and keeps a
	// non-nil result with the file's facts, in caches too; the check
	// reads it back with Pass.FileFact. The result is a pointer to a
	// struct that encoding/gob can encode, of type FileFactType.
	FileFact     func(pass *Pass) any
	FileFactType reflect.Type
	// Wants, for a file check, tells from a file's text alone, before it
	// is parsed, whether Run may report on it: file.Src is set, its
	// Facts are not. The driver parses a file only when some file check
	// wants it or the module graph may reach it, so Wants must be true
	// for every file Run reports on (analysistest checks it on the
	// check's tests); a cheap superset of them, such as the files whose
	// text holds a directive anywhere, is what it is for. Nil wants every
	// file.
	Wants func(file *File, config *Config) bool
	// Run reports diagnostics through pass.Report and returns the
	// analyzer's result.
	Run func(pass *Pass) (any, error)
}

func (a *Analyzer) String() string { return a.Name }

// Title returns the first line of Doc.
func (a *Analyzer) Title() string {
	title, _, _ := strings.Cut(a.Doc, "\n")
	return title
}

// Validate checks a set of checks, and the analyzers they require, for
// the invariants drivers rely on: names are unique identifiers, each has
// a Doc and a Run, the checks report at some severity and return no
// result, and Requires forms no cycle between analyzers of one scope
// that return results.
func Validate(analyzers []*Analyzer) error {
	names := map[string]*Analyzer{}
	const (
		visiting = 1
		done     = 2
	)
	state := map[*Analyzer]int{}
	var visit func(a *Analyzer, required bool) error
	visit = func(a *Analyzer, required bool) error {
		switch state[a] {
		case visiting:
			return fmt.Errorf("analyzer %q: Requires forms a cycle", a.Name)
		case done:
			return nil
		}
		state[a] = visiting
		if !token.IsIdentifier(a.Name) {
			return fmt.Errorf("analyzer %q: name is not an identifier", a.Name)
		}
		if other, ok := names[a.Name]; ok && other != a {
			return fmt.Errorf("analyzer %q: duplicate name", a.Name)
		}
		names[a.Name] = a
		if strings.TrimSpace(a.Doc) == "" {
			return fmt.Errorf("analyzer %q: no Doc", a.Name)
		}
		if a.Run == nil {
			return fmt.Errorf("analyzer %q: no Run", a.Name)
		}
		if required && a.ResultType == nil {
			return fmt.Errorf("analyzer %q: required by another, but it has no ResultType", a.Name)
		}
		if len(a.Envs) > 0 && (a.Scope != GraphScope || a.ResultType != nil) {
			return fmt.Errorf("analyzer %q: only graph checks that return no result have Envs", a.Name)
		}
		if a.Wants != nil && a.Scope != FileScope {
			return fmt.Errorf("analyzer %q: only file checks have Wants", a.Name)
		}
		if (a.FileFact != nil) != (a.FileFactType != nil) || a.FileFactType != nil && a.FileFactType.Kind() != reflect.Pointer {
			return fmt.Errorf("analyzer %q: a FileFact needs a FileFactType, a pointer type", a.Name)
		}
		for _, r := range a.Requires {
			if r.Scope != a.Scope {
				return fmt.Errorf("analyzer %q: requires %q, of another scope", a.Name, r.Name)
			}
			if err := visit(r, true); err != nil {
				return err
			}
		}
		state[a] = done
		return nil
	}
	listed := map[*Analyzer]bool{}
	for _, a := range analyzers {
		if a.Severity == SeverityOff {
			return fmt.Errorf("analyzer %q: default severity is off", a.Name)
		}
		if a.ResultType != nil {
			return fmt.Errorf("analyzer %q: returns a result, so it is required by checks, not one of them", a.Name)
		}
		if listed[a] {
			return fmt.Errorf("analyzer %q: listed twice", a.Name)
		}
		listed[a] = true
		if err := visit(a, false); err != nil {
			return err
		}
	}
	return nil
}

// Location is a byte range in a file.
type Location struct {
	Path       string
	Start, End int
}

// RelatedInformation points at another place that explains a diagnostic,
// such as one step of the import chain that causes it.
type RelatedInformation struct {
	Location
	Message string
}

// TextEdit replaces the bytes [Start, End) of a file with NewText; a pure
// insertion has Start == End. Path "" means the diagnostic's own file.
type TextEdit struct {
	Path       string
	Start, End int
	NewText    string
	// NewFile marks an edit that creates the file at Path, which does not
	// exist, with NewText as its whole text (Start and End are 0).
	NewFile bool
}

// CreatesFile reports whether one of edits creates a file.
func CreatesFile(edits []TextEdit) bool {
	return slices.ContainsFunc(edits, func(e TextEdit) bool { return e.NewFile })
}

// Tag marks diagnostics that editors show in a particular way.
type Tag uint8

const (
	// TagUnnecessary marks code that does nothing: editors fade it.
	TagUnnecessary Tag = 1 << iota
	// TagDeprecated marks code that works but should go: editors strike
	// it through.
	TagDeprecated
)

// FixID names a kind of fix, stably across versions, so that drivers can
// refer to fixes without knowing the checks that offer them. A check
// names its fixes as it likes; the IDs below are the ones drivers act on.
type FixID string

const (
	// FixPlaceDirective puts a misplaced directive where it takes effect:
	// it moves it to the top of its file or function body, unwraps it
	// from parentheses, or removes a copy the file already has at its
	// top. The language server also offers it as the source action
	// source.rscls.moveDirective.
	FixPlaceDirective FixID = "placeDirective"
	// FixAddUseClient adds 'use client' at the top of the file.
	FixAddUseClient FixID = "addUseClient"
)

// SuggestedFix is one way to fix a diagnostic. Message is a verb phrase
// ("Move the directive to the top of the file"). Several fixes on one
// diagnostic are alternatives: apply at most one.
type SuggestedFix struct {
	// ID says what kind of fix this is.
	ID      FixID
	Message string
	Edits   []TextEdit
	// NeedsReview marks fixes that change which environment code runs in
	// (adding or removing 'use client'): editors offer them, but
	// rscls check --fix does not apply them unattended.
	NeedsReview bool
}

// Diagnostic is a finding.
type Diagnostic struct {
	Start, End int    // byte range in the file
	Message    string // what is wrong, in the wording of Next.js where it has one
	Rule       string // the analyzer's Name; filled in by the driver
	Tags       Tag    // the analyzer's Tags; filled in by the driver
	URL        string
	Related    []RelatedInformation
	Fixes      []SuggestedFix
	// Milder, when set, is a severity below the analyzer's default for a
	// finding the check knows to be less serious than its others (the
	// build succeeds, but the code does not do what it says). It applies
	// only where the configuration does not set the rule's severity.
	Milder Severity
}

// Pass is what an analyzer sees.
type Pass struct {
	Analyzer *Analyzer
	// File is the file under analysis.
	File *File
	// Syntax gives FileScope analyzers the syntax tree; nil for GraphScope.
	Syntax *facts.Local
	// Graph and Module give GraphScope analyzers the module graph and the
	// file's module in it; nil for FileScope.
	Graph  *graph.Recorder
	Module *graph.Module
	// ReadFile reads a file of the snapshot (File.Src is nil for GraphScope
	// analyzers, which rarely need text: only to build some fixes).
	ReadFile func(path string) ([]byte, error)
	// Rel shortens a path for messages: relative to the workspace root.
	Rel func(path string) string
	// Env is the environment the pass checks the module in, for
	// analyzers with Envs.
	Env graph.Env
	// ResultOf holds the results of the analyzers in Analyzer.Requires.
	ResultOf map[*Analyzer]any
	// Config is the configuration in force for the file.
	Config *Config
	// Report records a diagnostic.
	Report func(Diagnostic)
}

// FileFact returns what the pass's analyzer extracted from the file of
// module m with its FileFact, or nil.
func (p *Pass) FileFact(m *graph.Module) any {
	if m == nil || m.Facts == nil {
		return nil
	}
	return m.Facts.Extra[p.Analyzer.Name]
}

// Reportf reports a diagnostic at [start, end) with a formatted message.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Diagnostic{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}

// File is a source file with its role in the project.
type File struct {
	Path string
	// Rel is Path relative to its project's directory, with forward
	// slashes, as messages show it ("app/error.tsx").
	Rel   string
	Src   []byte
	Facts *facts.File
	Role  project.Role
	// InAppDir is true for files under an App Router app/ directory.
	InAppDir bool
	// InNodeModules is true for files of installed packages.
	InNodeModules bool
}

// InApp reports whether f is a file of an App Router app/ directory (not
// of an installed package) with one of the roles: the files Next.js reads
// exports of, such as pages, layouts and route handlers.
func (f *File) InApp(roles ...project.Role) bool {
	return f.InAppDir && !f.InNodeModules && slices.Contains(roles, f.Role)
}
