package protocol

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/rscls/rscls/analysis"
)

// ServerSettings are the keys of a settings document that only the
// language server reads; the rest are the engine's (analysis.Config). A
// client sends both in one object, and rscls.json may hold both.
type ServerSettings struct {
	// DiagnosticsDelay is how long the server waits after an edit before it
	// re-checks the module graph, in milliseconds.
	DiagnosticsDelay *int `json:"diagnosticsDelay,omitempty"`
	// CodeLens turns the environment lens at the top of each file on or off.
	CodeLens *bool `json:"codeLens,omitempty"`
	// LogLevel is the least severe message the language server logs: one of LogLevels.
	LogLevel *string `json:"logLevel,omitempty"`
}

// SettingDocs lists every key of ServerSettings.
var SettingDocs = []analysis.SettingDoc{
	{Key: "diagnosticsDelay", Type: "integer", Default: DefaultDiagnosticsDelay, Doc: "Milliseconds the language server waits after an edit before re-checking the module graph."},
	{Key: "codeLens", Type: "boolean", Default: true, Doc: "Show each file's environment (Server, Client, Shared) at its top."},
	{Key: "logLevel", Type: "string", Default: DefaultLogLevel, Doc: `Least severe message the language server logs: "error", "warn", "info" or "debug".`},
}

// LogLevels are the values of the logLevel setting, most severe first.
var LogLevels = []string{"error", "warn", "info", "debug"}

// DefaultLogLevel is the log level when logLevel is not set.
const DefaultLogLevel = "info"

// DefaultDiagnosticsDelay is the default graph re-check delay in milliseconds.
const DefaultDiagnosticsDelay = 200

// SettingsSection returns an empty ServerSettings for the engine to read
// rscls.json with (engine.Options.DriverSettings): the file may hold the
// server's keys, which the command line checks and ignores.
func SettingsSection() analysis.SettingsSection { return new(ServerSettings) }

// SettingsProblems implements analysis.SettingsSection.
func (s *ServerSettings) SettingsProblems() []string {
	var bad []string
	if s.DiagnosticsDelay != nil && (*s.DiagnosticsDelay < 0 || *s.DiagnosticsDelay > 60000) {
		bad = append(bad, fmt.Sprintf("diagnosticsDelay %d is out of range (0 to 60000 ms)", *s.DiagnosticsDelay))
	}
	if s.LogLevel != nil && !slices.Contains(LogLevels, *s.LogLevel) {
		bad = append(bad, fmt.Sprintf("unknown logLevel %q (want %s)", *s.LogLevel, strings.Join(LogLevels, ", ")))
	}
	return bad
}

// Delay returns the graph re-check delay in milliseconds.
func (s *ServerSettings) Delay() int {
	if s == nil || s.DiagnosticsDelay == nil {
		return DefaultDiagnosticsDelay
	}
	return *s.DiagnosticsDelay
}

// Level returns the configured log level, or DefaultLogLevel.
func (s *ServerSettings) Level() string {
	if s == nil || s.LogLevel == nil {
		return DefaultLogLevel
	}
	return *s.LogLevel
}

// LensEnabled reports whether the environment lens is on.
func (s *ServerSettings) LensEnabled() bool { return s == nil || s.CodeLens == nil || *s.CodeLens }

// settings are what the client sent: the engine's configuration, laid
// over each folder's rscls.json, and the server's own settings.
type settings struct {
	config *analysis.Config
	server *ServerSettings
}

func defaultSettings() *settings {
	return &settings{config: &analysis.Config{}, server: &ServerSettings{}}
}

// decodeSettings reads settings sent by the client: initializationOptions,
// or workspace/didChangeConfiguration's settings, which clients send
// either bare or under an "rscls" key. Problems are reported, and the
// valid part of the settings still applies.
func decodeSettings(raw []byte, analyzers []*analysis.Analyzer) (*settings, []string) {
	raw = bytes.TrimSpace(raw)
	// Neovim encodes an empty Lua table, its default init_options, as [].
	if len(raw) == 0 || string(raw) == "null" || string(raw) == "[]" {
		return defaultSettings(), nil
	}
	var wrapper map[string]json.RawMessage
	if err := json.Unmarshal(raw, &wrapper); err != nil {
		return defaultSettings(), []string{"settings must be a JSON object: " + err.Error()}
	}
	if inner, ok := wrapper["rscls"]; ok {
		raw = inner
	}
	server := new(ServerSettings)
	config, err := analysis.ParseConfig(raw, analyzers, server)
	if err == nil {
		return &settings{config: config, server: server}, nil
	}
	// Keep what is valid: decode leniently, then drop invalid rules, and
	// the server's keys if one of them is invalid.
	var lenient struct {
		analysis.Config
		ServerSettings
	}
	if json.Unmarshal(raw, &lenient) != nil {
		return defaultSettings(), []string{err.Error()}
	}
	known := map[string]bool{}
	for _, a := range analyzers {
		known[a.Name] = true
	}
	for rule, sev := range lenient.Rules {
		if _, ok := analysis.ParseSeverity(sev); !known[rule] || !ok {
			delete(lenient.Rules, rule)
		}
	}
	if len(lenient.ServerSettings.SettingsProblems()) > 0 {
		lenient.DiagnosticsDelay = nil
		lenient.LogLevel = nil
	}
	return &settings{config: &lenient.Config, server: &lenient.ServerSettings}, []string{err.Error()}
}
