package project

import (
	"encoding/json"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis/vfs"
)

// findWorkspaces maps the names of the monorepo packages that the root's
// pnpm-workspace.yaml or package.json "workspaces" select to their
// directories. Candidates are the package.json directories the walk found.
func (d *discovery) findWorkspaces() {
	root := d.p.Root
	var patterns []string
	if data, err := d.fs.ReadFile(filepath.Join(root, "pnpm-workspace.yaml")); err == nil {
		patterns = append(patterns, parsePnpmWorkspace(string(data))...)
	}
	if data, err := d.fs.ReadFile(filepath.Join(root, "package.json")); err == nil {
		patterns = append(patterns, packageJSONWorkspaces(data)...)
	}
	if len(patterns) == 0 {
		return
	}
	var include, exclude [][]string
	for _, p := range patterns {
		if neg, ok := strings.CutPrefix(p, "!"); ok {
			exclude = append(exclude, globSegments(neg))
		} else {
			include = append(include, globSegments(p))
		}
	}
	dirs := append([]string(nil), d.packageDirs...)
	sort.Strings(dirs)
	for _, dir := range dirs {
		if dir == root {
			continue
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			continue
		}
		segments := strings.Split(filepath.ToSlash(rel), "/")
		if !matchAny(include, segments) || matchAny(exclude, segments) {
			continue
		}
		name := packageName(d.fs, filepath.Join(dir, "package.json"))
		if name == "" {
			continue
		}
		if prev, dup := d.p.Workspaces[name]; dup {
			d.note("workspace package %q is defined twice: %s and %s; using the first", name, prev, dir)
			continue
		}
		d.p.Workspaces[name] = dir
	}
}

// parsePnpmWorkspace reads the "packages" list of a pnpm-workspace.yaml:
//
//	packages:
//	  - 'apps/*'
//	  - "packages/**"
//	  - tools/cli   # comment
//	  - '!**/test/**'
//
// and the flow form packages: ['apps/*', "packages/*"]. Other keys are
// ignored; this is not a general YAML parser.
func parsePnpmWorkspace(src string) []string {
	var out []string
	inPackages := false
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		if !indented && !strings.HasPrefix(trimmed, "-") {
			inPackages = false
			key, value, ok := strings.Cut(trimmed, ":")
			if !ok || strings.Trim(strings.TrimSpace(key), `"'`) != "packages" {
				continue
			}
			value = strings.TrimSpace(stripYAMLComment(value))
			if strings.HasPrefix(value, "[") {
				for _, item := range strings.Split(strings.Trim(value, "[]"), ",") {
					if item = yamlScalar(item); item != "" {
						out = append(out, item)
					}
				}
				continue
			}
			inPackages = value == ""
			continue
		}
		if !inPackages {
			continue
		}
		if item, ok := strings.CutPrefix(trimmed, "-"); ok {
			if item = yamlScalar(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// yamlScalar unquotes a plain, 'single' or "double" quoted scalar and drops
// a trailing comment.
func yamlScalar(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 0 && (s[0] == '\'' || s[0] == '"') {
		if end := strings.IndexByte(s[1:], s[0]); end >= 0 {
			return s[1 : 1+end]
		}
		return strings.Trim(s, `'"`)
	}
	return strings.TrimSpace(stripYAMLComment(s))
}

// stripYAMLComment drops " # comment" (a # that starts a comment must follow
// whitespace).
func stripYAMLComment(s string) string {
	if strings.HasPrefix(s, "#") {
		return ""
	}
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	if i := strings.Index(s, "\t#"); i >= 0 {
		return s[:i]
	}
	return s
}

// packageJSONWorkspaces reads "workspaces": an array of globs (npm, yarn,
// bun) or an object with a "packages" array (yarn classic).
func packageJSONWorkspaces(data []byte) []string {
	var pkg struct {
		Workspaces json.RawMessage `json:"workspaces"`
	}
	if json.Unmarshal(data, &pkg) != nil || len(pkg.Workspaces) == 0 {
		return nil
	}
	var list []any
	if json.Unmarshal(pkg.Workspaces, &list) != nil {
		var obj struct {
			Packages []any `json:"packages"`
		}
		if json.Unmarshal(pkg.Workspaces, &obj) != nil {
			return nil
		}
		list = obj.Packages
	}
	var out []string
	for _, v := range list {
		if s, ok := v.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// packageName returns the "name" of a package.json, "" if it has none.
func packageName(fsys vfs.FS, file string) string {
	data, err := fsys.ReadFile(file)
	if err != nil {
		return ""
	}
	var pkg struct {
		Name json.RawMessage `json:"name"`
	}
	if json.Unmarshal(data, &pkg) != nil {
		return ""
	}
	var name string
	if json.Unmarshal(pkg.Name, &name) != nil {
		return ""
	}
	return name
}

// globSegments splits a workspace glob into path segments, dropping "./"
// and trailing slashes.
func globSegments(glob string) []string {
	glob = strings.TrimSpace(glob)
	glob = strings.TrimPrefix(glob, "./")
	glob = strings.Trim(glob, "/")
	var out []string
	for _, s := range strings.Split(glob, "/") {
		if s != "" && s != "." {
			out = append(out, s)
		}
	}
	return out
}

func matchAny(globs [][]string, segments []string) bool {
	for _, g := range globs {
		if matchGlob(g, segments) {
			return true
		}
	}
	return false
}

// matchGlob matches path segments against glob segments: "**" matches any
// number of segments, other segments use path.Match ("*", "?", "[...]").
func matchGlob(glob, segments []string) bool {
	if len(glob) == 0 {
		return len(segments) == 0
	}
	if glob[0] == "**" {
		for i := 0; i <= len(segments); i++ {
			if matchGlob(glob[1:], segments[i:]) {
				return true
			}
		}
		return false
	}
	if len(segments) == 0 {
		return false
	}
	ok, err := path.Match(glob[0], segments[0])
	return err == nil && ok && matchGlob(glob[1:], segments[1:])
}
