package protocol

import (
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
)

func TestServerSettingsLogLevel(t *testing.T) {
	known := []*analysis.Analyzer{{Name: "someRule", Severity: analysis.SeverityError}}
	for _, level := range LogLevels {
		var s ServerSettings
		if _, err := analysis.ParseConfig([]byte(`{"logLevel": "`+level+`"}`), known, &s); err != nil {
			t.Fatalf("logLevel %q: %v", level, err)
		}
		if s.Level() != level {
			t.Errorf("logLevel %q: Level() = %q", level, s.Level())
		}
	}
	for _, bad := range []string{"verbose", "INFO", "warning", ""} {
		_, err := analysis.ParseConfig([]byte(`{"logLevel": "`+bad+`"}`), known, new(ServerSettings))
		if err == nil || !strings.Contains(err.Error(), "logLevel") {
			t.Errorf("logLevel %q: got error %v, want one naming logLevel", bad, err)
		}
	}
	if _, err := analysis.ParseConfig([]byte(`{"logLevel": 3}`), known, new(ServerSettings)); err == nil {
		t.Error("a numeric logLevel was accepted")
	}
	var none *ServerSettings
	if none.Level() != DefaultLogLevel || (&ServerSettings{}).Level() != DefaultLogLevel {
		t.Errorf("the default log level is not %q", DefaultLogLevel)
	}
}

// TestDecodeSettingsKeepsWhatIsValid: a client's settings with a bad key
// still apply their valid part.
func TestDecodeSettingsKeepsWhatIsValid(t *testing.T) {
	known := []*analysis.Analyzer{{Name: "someRule", Severity: analysis.SeverityError}}
	st, problems := decodeSettings([]byte(`{"rscls": {"rules": {"someRule": "hint", "nope": "off"}, "codeLens": false, "diagnosticsDelay": -1}}`), known)
	if len(problems) != 1 || !strings.Contains(problems[0], `unknown rule "nope"`) || !strings.Contains(problems[0], "diagnosticsDelay -1") {
		t.Errorf("problems = %q", problems)
	}
	if st.config.Rules["someRule"] != "hint" || len(st.config.Rules) != 1 {
		t.Errorf("rules = %v", st.config.Rules)
	}
	if st.server.LensEnabled() || st.server.DiagnosticsDelay != nil {
		t.Errorf("server settings = %+v", st.server)
	}
}
