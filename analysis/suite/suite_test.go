package suite

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
)

var update = flag.Bool("update", false, "rewrite the generated sections of README.md")

func TestValidate(t *testing.T) {
	if err := analysis.Validate(Analyzers); err != nil {
		t.Fatal(err)
	}
	for _, a := range Analyzers {
		if ByName(a.Name) != a {
			t.Errorf("ByName(%q) does not find it", a.Name)
		}
	}
}

// TestReadmeUpToDate fails when README.md's generated sections no longer
// match the analyzers and settings; go test ./analysis/suite -update fixes it.
func TestReadmeUpToDate(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, sec := range []struct{ name, body string }{
		{"checks", ChecksMarkdown()},
		{"settings", SettingsMarkdown()},
	} {
		start := "<!-- " + sec.name + ":start (generated; go test ./analysis/suite -update) -->\n"
		end := "<!-- " + sec.name + ":end -->"
		i := strings.Index(text, start)
		j := strings.Index(text, end)
		if i < 0 || j < i {
			t.Fatalf("README.md lacks the %s markers", sec.name)
		}
		got := text[i+len(start) : j]
		if got != sec.body {
			if *update {
				text = text[:i+len(start)] + sec.body + text[j:]
				continue
			}
			t.Errorf("README.md section %q is stale; run go test ./analysis/suite -update", sec.name)
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
