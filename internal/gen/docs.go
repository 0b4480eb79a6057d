// Package gen writes the parts of the README and of the VS Code
// extension's manifest that follow from the code: the table of checks and
// the settings keys. Its tests fail when those files are stale;
// go test ./internal/gen -update rewrites them.
package gen

import (
	"fmt"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/rsc"
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

// APIsMarkdown renders the modules and APIs that Next.js rejects somewhere,
// from the one table the checks read (rsc.APIs), grouped by where they are
// rejected.
func APIsMarkdown() string {
	var b strings.Builder
	b.WriteString("| Rejected in | Modules | Named exports |\n|---|---|---|\n")
	for _, rule := range []rsc.Rule{rsc.ServerOnly, rsc.ClientOnly, rsc.RequestTime, rsc.NeedsTaint, rsc.Moved} {
		var mods []string
		var named []string
		byModule := map[string][]string{}
		var order []string
		for _, a := range rsc.APIs {
			if a.Rule != rule {
				continue
			}
			if a.Name == "" {
				m := "`" + a.Module + "`"
				if a.Note != "" {
					m += " (" + a.Note + ")"
				}
				mods = append(mods, m)
				continue
			}
			if _, ok := byModule[a.Module]; !ok {
				order = append(order, a.Module)
			}
			n := "`" + a.Name + "`"
			switch {
			case rule == rsc.Moved:
				n += " (moved to `" + a.Note + "`)"
			case a.Private:
				n += "¹"
			}
			if rule != rsc.Moved && a.Note != "" {
				n += " (" + a.Note + ")"
			}
			byModule[a.Module] = append(byModule[a.Module], n)
		}
		for _, m := range order {
			named = append(named, "`"+m+"`: "+strings.Join(byModule[m], ", "))
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", rule.Where(), strings.Join(mods, ", "), strings.Join(named, "; "))
	}
	b.WriteString("\n¹ also inside `'use cache: private'`.\n")
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
