package analysis

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis/nextconfig"
	"github.com/rscls/rscls/analysis/rsc"
)

// Config is the engine's part of the user's settings: which rules report
// at which severity, the extra modules the checks know about, and what to
// leave out. Its keys are read from rscls.json at a project's root and,
// through the language server, from initializationOptions and
// workspace/didChangeConfiguration.
type Config struct {
	// Rules sets the severity of a rule by name: "error", "warning" (or "warn"), "info", "hint" or "off".
	Rules map[string]string `json:"rules,omitempty"`
	// ClientOnlyModules are extra module names that must not be imported from the server graph.
	ClientOnlyModules []string `json:"clientOnlyModules,omitempty"`
	// ServerOnlyModules are extra module names that must not be imported from the client graph.
	ServerOnlyModules []string `json:"serverOnlyModules,omitempty"`
	// CacheKinds are extra 'use cache: kind' names configured as cacheHandlers.
	CacheKinds []string `json:"cacheKinds,omitempty"`
	// Ignore lists path patterns (relative to the project root, * and ** wildcards) to leave out.
	Ignore []string `json:"ignore,omitempty"`

	// Next is what the app's next.config says, as the engine read it; nil
	// for files outside any app. It is not a settings key.
	Next *nextconfig.Config `json:"-"`
}

// SettingDoc documents one settings key; it feeds the README and the VS
// Code extension's contributed configuration.
type SettingDoc struct {
	Key     string
	Type    string // JSON schema type: "object", "array", "integer", "boolean", "string"
	Default any
	Doc     string
}

// ConfigDocs lists every key of Config.
var ConfigDocs = []SettingDoc{
	{"rules", "object", map[string]string{}, `Severity by rule name: "error", "warning" (or ESLint's "warn"), "info", "hint" or "off".`},
	{"clientOnlyModules", "array", []string{}, "Extra modules that must not be imported from Server Components."},
	{"serverOnlyModules", "array", []string{}, "Extra modules that must not be imported from Client Components."},
	{"cacheKinds", "array", []string{}, `Extra cache kinds for 'use cache: kind' (the keys of cacheHandlers in next.config).`},
	{"ignore", "array", []string{}, "Path patterns, relative to the project root, to leave out of the analysis."},
}

// A SettingsSection holds the keys of a settings document that belong to
// a driver rather than to the engine, such as the language server's
// diagnosticsDelay. A document is one JSON object, checked strictly, so
// whoever reads one must know all its keys: ParseConfig decodes a
// section's keys into it. A section is a pointer to a struct whose fields
// carry json tags.
type SettingsSection interface {
	// SettingsProblems lists what is wrong with the decoded values.
	SettingsProblems() []string
}

// ParseConfig reads a settings document strictly: unknown keys, unknown
// rule names and unknown severities are errors that name the offending
// key. Keys that belong to one of sections are decoded into it and
// checked by it.
func ParseConfig(data []byte, known []*Analyzer, sections ...SettingsSection) (*Config, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, describeJSONError(data, err)
	}
	var c Config
	if err := decodeSections(raw, append([]any{&c}, anys(sections)...)); err != nil {
		return nil, describeJSONError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected content after the settings object")
	}
	bad := c.problems(known)
	for _, s := range sections {
		bad = append(bad, s.SettingsProblems()...)
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, errors.New(strings.Join(bad, "; "))
	}
	return &c, nil
}

func anys(sections []SettingsSection) []any {
	out := make([]any, len(sections))
	for i, s := range sections {
		out[i] = s
	}
	return out
}

// decodeSections decodes a document into the targets, each key into the
// first target that has a field for it, as encoding/json would decode it
// into one struct holding all their fields: the first error in document
// order is returned, and a key no target has is an unknown field.
func decodeSections(doc json.RawMessage, targets []any) error {
	if t := bytes.TrimLeft(doc, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		// Not an object: the error (or, for null, nothing) is the first
		// target's.
		return strict(doc, targets[0])
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.Token() // {
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return err
		}
		name, _ := json.Marshal(key)
		one := append(append(append(append([]byte("{"), name...), ':'), value...), '}')
		var unknown error
		for _, t := range targets {
			err := strict(one, t)
			if err != nil && strings.HasPrefix(err.Error(), "json: unknown field ") {
				unknown = err
				continue
			}
			if err != nil {
				var typ *json.UnmarshalTypeError
				if errors.As(err, &typ) {
					if ft, ok := fieldType(t, key); ok {
						if e := typeMismatch(key, value, ft); e != nil {
							return e
						}
					}
				}
				return err
			}
			unknown = nil
			break
		}
		if unknown != nil {
			return fmt.Errorf("unknown key %q%s", key, didYouMean(key, keysOf(targets)))
		}
	}
	return nil
}

func strict(doc []byte, target any) error {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	return dec.Decode(target)
}

// Validate checks rule names and severities against the known analyzers.
func (c *Config) Validate(known []*Analyzer) error {
	bad := c.problems(known)
	if len(bad) > 0 {
		sort.Strings(bad)
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}

func (c *Config) problems(known []*Analyzer) []string {
	names := map[string]bool{}
	for _, a := range known {
		names[a.Name] = true
	}
	var bad []string
	for rule, sev := range c.Rules {
		if !names[rule] {
			bad = append(bad, fmt.Sprintf("unknown rule %q in \"rules\"%s", rule, didYouMean(rule, ruleNames(known))))
			continue
		}
		if _, ok := ParseSeverity(sev); !ok {
			bad = append(bad, fmt.Sprintf("\"rules.%s\": unknown severity %q (want error, warning or warn, info, hint or off)", rule, sev))
		}
	}
	return bad
}

func ruleNames(known []*Analyzer) []string {
	var out []string
	for _, a := range known {
		out = append(out, a.Name)
	}
	return out
}

// didYouMean names the candidate closest to a mistyped name, when one is
// close, as a parenthesised suggestion for an error message.
func didYouMean(name string, candidates []string) string {
	if c := Closest(name, candidates); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}

// Closest returns the candidate a mistyped name most likely meant, or ""
// when none is close: the same letters in another case or with dashes,
// or a few edits away.
func Closest(name string, candidates []string) string {
	norm := func(s string) string { return strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(s)) }
	best, bestDist := "", 0
	for _, c := range candidates {
		if norm(c) == norm(name) {
			return c
		}
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != "" && bestDist <= max(1, min(3, len(name)/3)) {
		return best
	}
	return ""
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of neighbours that turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// keysOf lists the JSON keys of the targets' fields.
func keysOf(targets []any) []string {
	var out []string
	for _, t := range targets {
		out = append(out, jsonFields(reflect.TypeOf(t))...)
	}
	return out
}

func jsonFields(t reflect.Type) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// fieldType returns the type of target's field for a JSON key.
func fieldType(target any, key string) (reflect.Type, bool) {
	t := reflect.TypeOf(target)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			if ft, ok := fieldType(reflect.New(f.Type).Interface(), key); ok {
				return ft, true
			}
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == key {
			return f.Type, true
		}
	}
	return nil, false
}

// typeMismatch finds where a value does not fit a type and names it by
// its path: "rules.misplacedDirective" must be a string, not a number.
func typeMismatch(path string, raw json.RawMessage, t reflect.Type) error {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	return mismatch(path, v, t)
}

func mismatch(path string, v any, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		if v == nil {
			return nil
		}
		t = t.Elem()
	}
	bad := func(want string) error {
		return fmt.Errorf("%q must be %s, not %s", path, want, jsonKind(v))
	}
	switch t.Kind() {
	case reflect.String:
		if _, ok := v.(string); !ok {
			return bad("a string")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return bad("true or false")
		}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint32, reflect.Uint64:
		n, ok := v.(float64)
		if !ok || n != float64(int64(n)) {
			return bad("a whole number")
		}
	case reflect.Slice:
		items, ok := v.([]any)
		if !ok {
			return bad("an array")
		}
		for i, x := range items {
			if err := mismatch(fmt.Sprintf("%s[%d]", path, i), x, t.Elem()); err != nil {
				return err
			}
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			return bad("an object")
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := mismatch(path+"."+k, m[k], t.Elem()); err != nil {
				return err
			}
		}
	case reflect.Struct:
		if _, ok := v.(map[string]any); !ok {
			return bad("an object")
		}
	}
	return nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	}
	return "an object"
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

// Merge returns c with the keys set in over replacing its own.
func (c *Config) Merge(over *Config) *Config {
	out := *c
	if over == nil {
		return &out
	}
	if over.Rules != nil {
		out.Rules = map[string]string{}
		for k, v := range c.Rules {
			out.Rules[k] = v
		}
		for k, v := range over.Rules {
			out.Rules[k] = v
		}
	}
	if over.ClientOnlyModules != nil {
		out.ClientOnlyModules = append(append([]string(nil), c.ClientOnlyModules...), over.ClientOnlyModules...)
	}
	if over.ServerOnlyModules != nil {
		out.ServerOnlyModules = append(append([]string(nil), c.ServerOnlyModules...), over.ServerOnlyModules...)
	}
	if over.CacheKinds != nil {
		out.CacheKinds = append(append([]string(nil), c.CacheKinds...), over.CacheKinds...)
	}
	if over.Ignore != nil {
		out.Ignore = append(append([]string(nil), c.Ignore...), over.Ignore...)
	}
	return &out
}

// SeverityOf returns the severity of analyzer a under this configuration.
func (c *Config) SeverityOf(a *Analyzer) Severity {
	if c != nil {
		if v, ok := c.Rules[a.Name]; ok {
			if sev, ok := ParseSeverity(v); ok {
				return sev
			}
		}
	}
	return a.Severity
}

// SeverityFor returns the severity of a finding of analyzer a under this
// configuration: the rule's configured severity, else the finding's own
// milder one, else the analyzer's default.
func (c *Config) SeverityFor(a *Analyzer, d Diagnostic) Severity {
	if c != nil {
		if _, ok := c.Rules[a.Name]; ok {
			return c.SeverityOf(a)
		}
	}
	if d.Milder != SeverityOff && d.Milder < a.Severity {
		return d.Milder
	}
	return a.Severity
}

// KnownCacheKinds returns the cache kinds 'use cache: kind' may name: the
// built-in ones, the keys of cacheHandlers in next.config and the
// cacheKinds setting. known is false when next.config's cacheHandlers
// cannot be read statically and the setting does not list the kinds
// instead: then no kind is known to be missing.
func (c *Config) KnownCacheKinds() (kinds []string, known bool) {
	kinds = append([]string(nil), rsc.DefaultCacheKinds...)
	known = true
	if c == nil {
		return kinds, known
	}
	if c.Next != nil {
		kinds = append(kinds, c.Next.CacheHandlers.Names...)
		known = !c.Next.CacheHandlers.Unknown || len(c.CacheKinds) > 0
	}
	return append(kinds, c.CacheKinds...), known
}

// CacheKindsOrNil returns the configured extra cache kinds.
func (c *Config) CacheKindsOrNil() []string {
	if c == nil {
		return nil
	}
	return c.CacheKinds
}

// ClientOnlyModulesOrNil returns the configured extra client-only modules.
func (c *Config) ClientOnlyModulesOrNil() []string {
	if c == nil {
		return nil
	}
	return c.ClientOnlyModules
}
