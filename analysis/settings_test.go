package analysis

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSettingsLogLevel(t *testing.T) {
	known := []*Analyzer{{Name: "someRule", Severity: SeverityError}}
	for _, level := range LogLevels {
		s, err := ParseSettings([]byte(`{"logLevel": "`+level+`"}`), known)
		if err != nil {
			t.Fatalf("logLevel %q: %v", level, err)
		}
		if s.Level() != level {
			t.Errorf("logLevel %q: Level() = %q", level, s.Level())
		}
	}
	for _, bad := range []string{"verbose", "INFO", "warning", ""} {
		_, err := ParseSettings([]byte(`{"logLevel": "`+bad+`"}`), known)
		if err == nil || !strings.Contains(err.Error(), "logLevel") {
			t.Errorf("logLevel %q: got error %v, want one naming logLevel", bad, err)
		}
	}
	if _, err := ParseSettings([]byte(`{"logLevel": 3}`), known); err == nil {
		t.Error("a numeric logLevel was accepted")
	}
	var none *Settings
	if none.Level() != DefaultLogLevel || (&Settings{}).Level() != DefaultLogLevel {
		t.Errorf("the default log level is not %q", DefaultLogLevel)
	}
}

func TestMergeLogLevel(t *testing.T) {
	debug, warn := "debug", "warn"
	base := &Settings{LogLevel: &debug}
	if got := base.Merge(&Settings{}).Level(); got != "debug" {
		t.Errorf("merging an unset logLevel: got %q, want debug", got)
	}
	if got := base.Merge(&Settings{LogLevel: &warn}).Level(); got != "warn" {
		t.Errorf("merging logLevel warn: got %q", got)
	}
}

// TestSettingDocsCoverSettings keeps SettingDocs, which feeds the README
// and the VS Code extension, in step with the fields of Settings.
func TestSettingDocsCoverSettings(t *testing.T) {
	fields := map[string]bool{}
	typ := reflect.TypeFor[Settings]()
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		fields[name] = true
	}
	docs := map[string]bool{}
	for _, d := range SettingDocs {
		docs[d.Key] = true
		if !fields[d.Key] {
			t.Errorf("SettingDocs documents %q, which is not a key of Settings", d.Key)
		}
	}
	for key := range fields {
		if !docs[key] {
			t.Errorf("SettingDocs lacks %q", key)
		}
	}
}
