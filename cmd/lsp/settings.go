package lsp

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/protocol"
)

// settings is the configuration the command line finds for a workspace
// before the engine reads the workspace's own rscls.json files.
type settings struct {
	base  *analysis.Config
	files []string // the files base comes from, outermost first
	// only: base is the whole configuration (--config); the workspace's
	// rscls.json files are not read.
	only bool
}

// findSettings returns the settings for the workspace at root: the file
// named by --config, or else the rscls.json files of the directories
// above root up to the root of its repository or monorepo, so that
// `rscls check apps/web` reads the settings `rscls check .` and the
// editor read at the top. Directories above a root that has no such
// top are not looked at: a stray rscls.json in a home directory does
// not apply to every project below it.
func findSettings(root, configFile string) (*settings, error) {
	if configFile != "" {
		c, err := readSettings(configFile)
		if err != nil {
			return nil, err
		}
		abs, _ := filepath.Abs(configFile)
		return &settings{base: c, files: []string{abs}, only: true}, nil
	}
	s := &settings{}
	if isTop(root) {
		return s, nil
	}
	var found []string
	top := false
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		if p := filepath.Join(d, engine.SettingsFile); fileExists(p) {
			found = append(found, p)
		}
		if isTop(d) {
			top = true
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if !top {
		return s, nil
	}
	for i := len(found) - 1; i >= 0; i-- {
		c, err := readSettings(found[i])
		if err != nil {
			return nil, err
		}
		if s.base == nil {
			s.base = c
		} else {
			s.base = s.base.Merge(c)
		}
		s.files = append(s.files, found[i])
	}
	return s, nil
}

// isTop reports whether dir is the top of a repository or a monorepo,
// where the search for settings above a checked folder stops. It only
// looks whether names exist: nothing above the checked folder is read
// but rscls.json files.
func isTop(dir string) bool {
	for _, marker := range []string{".git", "pnpm-workspace.yaml", "lerna.json", "nx.json", "turbo.json", "rush.json"} {
		if _, err := os.Lstat(filepath.Join(dir, marker)); err == nil {
			return true
		}
	}
	return false
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// readSettings reads a settings file as the engine reads rscls.json.
func readSettings(path string) (*analysis.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := analysis.ParseConfig(data, suite.Analyzers, protocol.SettingsSection())
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return c, nil
}
