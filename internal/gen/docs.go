// Package gen writes the parts of the README and of the VS Code
// extension's manifest that follow from the code: the table of checks and
// the settings keys. Its tests fail when those files are stale;
// go test ./internal/gen -update rewrites them.
package gen

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/protocol"
)

// ChecksMarkdown renders the list of checks for the README.
func ChecksMarkdown() string {
	var b strings.Builder
	b.WriteString("| Check | Scope | Default | What it reports |\n|---|---|---|---|\n")
	for _, a := range suite.Analyzers {
		scope := "file"
		if a.Scope == analysis.GraphScope {
			scope = "graph"
		}
		title := a.Title()
		if a.URL != "" {
			title = fmt.Sprintf("%s ([Next.js docs](%s))", title, a.URL)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", a.Name, scope, a.Severity, title)
	}
	return b.String()
}

// SettingsMarkdown renders the configuration keys for the README.
func SettingsMarkdown() string {
	var b strings.Builder
	b.WriteString("| Key | Type | Default | Meaning |\n|---|---|---|---|\n")
	for _, s := range SettingDocs() {
		def := fmt.Sprint(s.Default)
		switch s.Type {
		case "object":
			def = "{}"
		case "array":
			def = "[]"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s |\n", s.Key, s.Type, def, s.Doc)
	}
	return b.String()
}

// SettingDocs lists every settings key: the engine's, then the language
// server's.
func SettingDocs() []analysis.SettingDoc {
	return append(append([]analysis.SettingDoc(nil), analysis.ConfigDocs...), protocol.SettingDocs...)
}
