package gen

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/protocol"
)

const vscodeManifest = "../../editors/vscode/package.json"

// TestVSCodeSettingsUpToDate fails when the VS Code extension's
// package.json no longer contributes exactly the server's settings;
// go test ./internal/gen -update rewrites it.
func TestVSCodeSettingsUpToDate(t *testing.T) {
	data, err := os.ReadFile(vscodeManifest)
	if err != nil {
		t.Fatal(err)
	}
	want, err := UpdateVSCodeManifest(data)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(data, want) {
		return
	}
	if *update {
		if err := os.WriteFile(vscodeManifest, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is stale or not formatted as npm writes it; run go test ./internal/gen -update", vscodeManifest)
}

func TestVSCodeSettings(t *testing.T) {
	props := vscodeSettings()
	if len(props) != len(SettingDocs()) {
		t.Fatalf("%d properties for %d settings", len(props), len(SettingDocs()))
	}
	rules, ok := props.Get("rscls.rules").(object)
	if !ok {
		t.Fatal("no rscls.rules property")
	}
	names := rules.Get("propertyNames").(object).Get("enum").([]any)
	if len(names) != len(suite.Analyzers) || names[0] != suite.Analyzers[0].Name {
		t.Errorf("rscls.rules propertyNames = %v, want the names of the analyzers", names)
	}
	sevs := rules.Get("additionalProperties").(object).Get("enum").([]any)
	if !slices.Equal(sevs, []any{"error", "warning", "info", "hint", "off"}) {
		t.Errorf("rscls.rules severities = %v", sevs)
	}
	for _, s := range sevs {
		if _, ok := analysis.ParseSeverity(s.(string)); !ok {
			t.Errorf("severity %q is not accepted by the settings parser", s)
		}
	}
	level := props.Get("rscls.logLevel").(object)
	if level.Get("default") != protocol.DefaultLogLevel || len(level.Get("enum").([]any)) != len(protocol.LogLevels) {
		t.Errorf("rscls.logLevel = %v", level)
	}
}

// TestOrderedJSONRoundTrip checks that an untouched document prints back
// byte for byte, as npm would print it.
func TestOrderedJSONRoundTrip(t *testing.T) {
	const doc = `{
  "name": "x",
  "z": 1.50,
  "a": [],
  "o": {},
  "s": "<a & b> \"q\" é",
  "n": null,
  "list": [
    true,
    {
      "k": [
        1
      ]
    }
  ]
}`
	v, err := parseOrdered([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	writeOrdered(&b, v, "")
	if b.String() != doc {
		t.Errorf("round trip:\n%s\nwant:\n%s", b.String(), doc)
	}
	for _, bad := range []string{`{"a": 1} x`, `{"a": `, `[1,]`} {
		if _, err := parseOrdered([]byte(bad)); err == nil {
			t.Errorf("parseOrdered(%q) succeeded", bad)
		}
	}
}

func TestUpdateVSCodeManifestAppendsEntry(t *testing.T) {
	out, err := UpdateVSCodeManifest([]byte(`{"name": "rscls", "contributes": {"configuration": [{"title": "Extension", "properties": {}}]}, "main": "x"}`))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := parseOrdered(out)
	root := v.(object)
	if root[0].Key != "name" || root[2].Key != "main" {
		t.Errorf("member order changed: %s", out)
	}
	entries := root.Get("contributes").(object).Get("configuration").([]any)
	if len(entries) != 2 || entries[1].(object).Get("title") != VSCodeSettingsTitle {
		t.Errorf("configuration = %v", entries)
	}
	again, err := UpdateVSCodeManifest(out)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("a second update changed the manifest: %v", err)
	}
	if _, err := UpdateVSCodeManifest([]byte(`{"contributes": {"configuration": {"properties": {}}}}`)); err == nil {
		t.Error("a configuration object instead of an array was accepted")
	}
}
