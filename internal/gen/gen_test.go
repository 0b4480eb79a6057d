package gen

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated parts of README.md and editors/vscode/package.json")

// TestReadmeUpToDate fails when README.md's generated sections no longer
// match the analyzers and settings; go test ./internal/gen -update fixes it.
func TestReadmeUpToDate(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, sec := range []struct{ name, body string }{
		{"checks", ChecksMarkdown()},
		{"apis", APIsMarkdown()},
		{"settings", SettingsMarkdown()},
	} {
		start := "<!-- " + sec.name + ":start (generated; go test ./internal/gen -update) -->\n"
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
			t.Errorf("README.md section %q is stale; run go test ./internal/gen -update", sec.name)
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
