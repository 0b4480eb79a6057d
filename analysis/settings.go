package analysis

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// Settings is the user's configuration. The same keys are read from
// rscls.json at a project's root, from the language server's
// initializationOptions and from workspace/didChangeConfiguration.
type Settings struct {
	// Rules sets the severity of a rule by name: "error", "warning", "info", "hint" or "off".
	Rules map[string]string `json:"rules,omitempty"`
	// ClientOnlyModules are extra module names that must not be imported from the server graph.
	ClientOnlyModules []string `json:"clientOnlyModules,omitempty"`
	// ServerOnlyModules are extra module names that must not be imported from the client graph.
	ServerOnlyModules []string `json:"serverOnlyModules,omitempty"`
	// CacheKinds are extra 'use cache: kind' names configured as cacheHandlers.
	CacheKinds []string `json:"cacheKinds,omitempty"`
	// Ignore lists path patterns (relative to the project root, * and ** wildcards) to leave out.
	Ignore []string `json:"ignore,omitempty"`
	// DiagnosticsDelay is how long the server waits after an edit before it
	// re-checks the module graph, in milliseconds.
	DiagnosticsDelay *int `json:"diagnosticsDelay,omitempty"`
	// CodeLens turns the environment lens at the top of each file on or off.
	CodeLens *bool `json:"codeLens,omitempty"`
	// LogLevel is the least severe message the language server logs: one of LogLevels.
	LogLevel *string `json:"logLevel,omitempty"`
}

// SettingDoc documents one setting key; it feeds the README and the VS Code
// extension's contributed configuration.
type SettingDoc struct {
	Key     string
	Type    string // JSON schema type: "object", "array", "integer", "boolean", "string"
	Default any
	Doc     string
}

// SettingDocs lists every key of Settings.
var SettingDocs = []SettingDoc{
	{"rules", "object", map[string]string{}, `Severity by rule name: "error", "warning", "info", "hint" or "off".`},
	{"clientOnlyModules", "array", []string{}, "Extra modules that must not be imported from Server Components."},
	{"serverOnlyModules", "array", []string{}, "Extra modules that must not be imported from Client Components."},
	{"cacheKinds", "array", []string{}, `Extra cache kinds for 'use cache: kind' (the keys of cacheHandlers in next.config).`},
	{"ignore", "array", []string{}, "Path patterns, relative to the project root, to leave out of the analysis."},
	{"diagnosticsDelay", "integer", DefaultDiagnosticsDelay, "Milliseconds the language server waits after an edit before re-checking the module graph."},
	{"codeLens", "boolean", true, "Show each file's environment (Server, Client, Shared) at its top."},
	{"logLevel", "string", DefaultLogLevel, `Least severe message the language server logs: "error", "warn", "info" or "debug".`},
}

// LogLevels are the values of the logLevel setting, most severe first.
var LogLevels = []string{"error", "warn", "info", "debug"}

// DefaultLogLevel is the log level when logLevel is not set.
const DefaultLogLevel = "info"

// DefaultDiagnosticsDelay is the default graph re-check delay in milliseconds.
const DefaultDiagnosticsDelay = 200

// ParseSettings reads a settings document strictly: unknown keys, unknown
// rule names and unknown severities are errors that name the offending key.
func ParseSettings(data []byte, known []*Analyzer) (*Settings, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s Settings
	if err := dec.Decode(&s); err != nil {
		return nil, describeJSONError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected content after the settings object")
	}
	if err := s.Validate(known); err != nil {
		return nil, err
	}
	return &s, nil
}

// Validate checks rule names and severities against the known analyzers,
// and the ranges and values of the other keys.
func (s *Settings) Validate(known []*Analyzer) error {
	names := map[string]bool{}
	for _, a := range known {
		names[a.Name] = true
	}
	var bad []string
	for rule, sev := range s.Rules {
		if !names[rule] {
			bad = append(bad, fmt.Sprintf("unknown rule %q in \"rules\"%s", rule, suggest(rule, known)))
			continue
		}
		if _, ok := ParseSeverity(sev); !ok {
			bad = append(bad, fmt.Sprintf("rule %q: unknown severity %q (want error, warning, info, hint or off)", rule, sev))
		}
	}
	if s.DiagnosticsDelay != nil && (*s.DiagnosticsDelay < 0 || *s.DiagnosticsDelay > 60000) {
		bad = append(bad, fmt.Sprintf("diagnosticsDelay %d is out of range (0 to 60000 ms)", *s.DiagnosticsDelay))
	}
	if s.LogLevel != nil && !slices.Contains(LogLevels, *s.LogLevel) {
		bad = append(bad, fmt.Sprintf("unknown logLevel %q (want %s)", *s.LogLevel, strings.Join(LogLevels, ", ")))
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}

func suggest(rule string, known []*Analyzer) string {
	for _, a := range known {
		if strings.EqualFold(a.Name, rule) || strings.EqualFold(strings.ReplaceAll(rule, "-", ""), a.Name) {
			return fmt.Sprintf(" (did you mean %q?)", a.Name)
		}
	}
	return ""
}

func describeJSONError(data []byte, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("unexpected end of file: an object or array is not closed")
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line, col := lineCol(data, int(syn.Offset))
		return fmt.Errorf("line %d, column %d: %v", line, col, err)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Errorf("%q must be %s, not %s", typ.Field, typeName(typ.Type.Kind().String()), typ.Value)
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return fmt.Errorf("unknown key %s", f)
	}
	return errors.New(strings.TrimPrefix(msg, "json: "))
}

func typeName(kind string) string {
	switch kind {
	case "map", "struct":
		return "an object"
	case "slice":
		return "an array"
	case "ptr", "int":
		return "a number"
	}
	return "a " + kind
}

func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// Merge returns s with the keys set in over replacing its own.
func (s *Settings) Merge(over *Settings) *Settings {
	out := *s
	if over == nil {
		return &out
	}
	if over.Rules != nil {
		out.Rules = map[string]string{}
		for k, v := range s.Rules {
			out.Rules[k] = v
		}
		for k, v := range over.Rules {
			out.Rules[k] = v
		}
	}
	if over.ClientOnlyModules != nil {
		out.ClientOnlyModules = append(append([]string(nil), s.ClientOnlyModules...), over.ClientOnlyModules...)
	}
	if over.ServerOnlyModules != nil {
		out.ServerOnlyModules = append(append([]string(nil), s.ServerOnlyModules...), over.ServerOnlyModules...)
	}
	if over.CacheKinds != nil {
		out.CacheKinds = append(append([]string(nil), s.CacheKinds...), over.CacheKinds...)
	}
	if over.Ignore != nil {
		out.Ignore = append(append([]string(nil), s.Ignore...), over.Ignore...)
	}
	if over.DiagnosticsDelay != nil {
		out.DiagnosticsDelay = over.DiagnosticsDelay
	}
	if over.CodeLens != nil {
		out.CodeLens = over.CodeLens
	}
	if over.LogLevel != nil {
		out.LogLevel = over.LogLevel
	}
	return &out
}

// SeverityOf returns the severity of analyzer a under these settings.
func (s *Settings) SeverityOf(a *Analyzer) Severity {
	if s != nil {
		if v, ok := s.Rules[a.Name]; ok {
			if sev, ok := ParseSeverity(v); ok {
				return sev
			}
		}
	}
	return a.Severity
}

// Delay returns the graph re-check delay in milliseconds.
func (s *Settings) Delay() int {
	if s == nil || s.DiagnosticsDelay == nil {
		return DefaultDiagnosticsDelay
	}
	return *s.DiagnosticsDelay
}

// Level returns the configured log level, or DefaultLogLevel.
func (s *Settings) Level() string {
	if s == nil || s.LogLevel == nil {
		return DefaultLogLevel
	}
	return *s.LogLevel
}

// LensEnabled reports whether the environment lens is on.
func (s *Settings) LensEnabled() bool { return s == nil || s.CodeLens == nil || *s.CodeLens }

// CacheKindsOrNil returns the configured extra cache kinds.
func (s *Settings) CacheKindsOrNil() []string {
	if s == nil {
		return nil
	}
	return s.CacheKinds
}

// ClientOnlyModulesOrNil returns the configured extra client-only modules.
func (s *Settings) ClientOnlyModulesOrNil() []string {
	if s == nil {
		return nil
	}
	return s.ClientOnlyModules
}
