package suite

import (
	"os"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/analysistest"
)

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
			if analysistest.Updating() {
				text = text[:i+len(start)] + sec.body + text[j:]
				continue
			}
			t.Errorf("README.md section %q is stale; run go test ./analysis/suite -update", sec.name)
		}
	}
	if analysistest.Updating() {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFixtureProjects runs the whole suite over the shared fixture
// projects, whose files carry want comments for every finding.
func TestFixtureProjects(t *testing.T) {
	for _, dir := range []string{"../../testdata/monorepo"} {
		t.Run(dir, func(t *testing.T) {
			analysistest.Run(t, dir, Analyzers...)
		})
	}
}
