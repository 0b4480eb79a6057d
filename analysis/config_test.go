package analysis

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// driverSection stands for a driver's keys, as the language server's
// diagnosticsDelay.
type driverSection struct {
	Delay *int `json:"delay,omitempty"`
}

func (d *driverSection) SettingsProblems() []string {
	if d.Delay != nil && *d.Delay < 0 {
		return []string{fmt.Sprintf("delay %d is negative", *d.Delay)}
	}
	return nil
}

func TestParseConfigSections(t *testing.T) {
	known := []*Analyzer{{Name: "someRule", Severity: SeverityError}}
	for _, c := range []struct {
		doc      string
		err      string // "" for none
		delay    int
		severity string
	}{
		{`{"rules": {"someRule": "hint"}, "delay": 7}`, "", 7, "hint"},
		{`{"Delay": 3}`, "", 3, ""}, // keys match as encoding/json matches them
		{`{"delay": -1, "rules": {"someRule": "loud", "other": "off"}}`, `"rules.someRule": unknown severity "loud" (want error, warning or warn, info, hint or off); delay -1 is negative; unknown rule "other" in "rules"`, 0, ""},
		{`{"delay": "x"}`, `"delay" must be a whole number, not a string`, 0, ""},
		{`{"other": 1, "delay": "x"}`, `unknown key "other"`, 0, ""},
		{`{"rules": {"someRule": 1}}`, `"rules.someRule" must be a string, not a number`, 0, ""},
		{`[]`, `"" must be an object, not array`, 0, ""},
		{`{"delay": 1} x`, `unexpected content after the settings object`, 0, ""},
		{"{\n  \"delay\": }", `line 2, column 13: invalid character '}' looking for beginning of value`, 0, ""},
		{`{"rules": {`, `unexpected end of file: an object or array is not closed`, 0, ""},
		{`{"rulez": {}}`, `unknown key "rulez" (did you mean "rules"?)`, 0, ""},
		{`{"Rules": {}, "cacheKind": ["x"]}`, `unknown key "cacheKind" (did you mean "cacheKinds"?)`, 0, ""},
		{`{"delya": 1}`, `unknown key "delya" (did you mean "delay"?)`, 0, ""},
		{`{"serverOnly": []}`, `unknown key "serverOnly"`, 0, ""},
		{`{"rules": {"some-rule": "off"}}`, `unknown rule "some-rule" in "rules" (did you mean "someRule"?)`, 0, ""},
		{`{"rules": {"someRul": "off"}}`, `unknown rule "someRul" in "rules" (did you mean "someRule"?)`, 0, ""},
		{`{"ignore": ["a", 2]}`, `"ignore[1]" must be a string, not a number`, 0, ""},
		{`{"rules": {"someRule": "warn"}}`, "", 0, "warn"},
		{"\ufeff{}", "", 0, ""},
		{`null`, "", 0, ""},
	} {
		var d driverSection
		cfg, err := ParseConfig([]byte(c.doc), known, &d)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%s: error %v, want %q", c.doc, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.doc, err)
			continue
		}
		if got := 0; d.Delay != nil && *d.Delay != c.delay || d.Delay == nil && c.delay != got {
			t.Errorf("%s: delay %v, want %d", c.doc, d.Delay, c.delay)
		}
		if cfg.Rules["someRule"] != c.severity {
			t.Errorf("%s: rules %v", c.doc, cfg.Rules)
		}
	}
	// Without the section, its keys are unknown.
	if _, err := ParseConfig([]byte(`{"delay": 1}`), known); err == nil || err.Error() != `unknown key "delay"` {
		t.Errorf("a driver's key without its section: %v", err)
	}
}

// TestConfigDocsCoverConfig keeps ConfigDocs, which feeds the README and
// the VS Code extension, in step with the fields of Config.
func TestConfigDocsCoverConfig(t *testing.T) {
	fields := map[string]bool{}
	typ := reflect.TypeFor[Config]()
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if name != "-" { // not read from settings
			fields[name] = true
		}
	}
	docs := map[string]bool{}
	for _, d := range ConfigDocs {
		docs[d.Key] = true
		if !fields[d.Key] {
			t.Errorf("ConfigDocs documents %q, which is not a key of Config", d.Key)
		}
	}
	for key := range fields {
		if !docs[key] {
			t.Errorf("ConfigDocs lacks %q", key)
		}
	}
}
