package osfs

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// layout writes files (path → content; content "->target" makes a
// symlink) under dir.
func layout(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := cutPrefix(content, "->"); ok {
			if err := os.Symlink(filepath.FromSlash(target), p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func cutPrefix(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return s, false
}

func TestConfined(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(top, "outside")
	store := filepath.Join(top, "store")
	repo := filepath.Join(top, "repo")
	ws := filepath.Join(repo, "apps", "web")
	layout(t, top, map[string]string{
		"outside/secret.ts":                      "export const key = 'secret'",
		"outside/dir/x.ts":                       "export {}",
		"store/linked/package.json":              `{"name":"linked"}`,
		"store/linked/index.js":                  "export {}",
		"store/linked/escape.js":                 "->" + filepath.Join(outside, "secret.ts"),
		"repo/package.json":                      `{"workspaces":["apps/*"]}`,
		"repo/.env":                              "TOKEN=1",
		"repo/node_modules/hoisted/index.js":     "export {}",
		"repo/packages/ui/button.tsx":            "export {}",
		"repo/apps/web/app/page.tsx":             "export default function Page() {}",
		"repo/apps/web/lib/abs-inside.ts":        "->" + filepath.Join(ws, "app", "page.tsx"),
		"repo/apps/web/lib/rel-inside.ts":        "->../app/page.tsx",
		"repo/apps/web/lib/leak.ts":              "->" + filepath.Join(outside, "secret.ts"),
		"repo/apps/web/lib/sibling.tsx":          "->../../../packages/ui/button.tsx",
		"repo/apps/web/outdir":                   "->" + filepath.Join(outside, "dir"),
		"repo/apps/web/node_modules/linked":      "->" + filepath.Join(store, "linked"),
		"repo/apps/web/node_modules/@s/pkg/a.js": "export {}",
	})
	c := NewConfined(ws)

	allowed := []string{
		filepath.Join(ws, "app", "page.tsx"),
		filepath.Join(ws, "lib", "abs-inside.ts"), // an absolute link that stays inside
		filepath.Join(ws, "lib", "rel-inside.ts"),
		filepath.Join(ws, "node_modules", "linked", "index.js"), // a linked package, wherever it lives
		filepath.Join(store, "linked", "index.js"),              // ... and by its real path once known
		filepath.Join(ws, "node_modules", "@s", "pkg", "a.js"),
		filepath.Join(repo, "node_modules", "hoisted", "index.js"), // node_modules above the folder
	}
	for _, p := range allowed {
		if _, err := c.ReadFile(p); err != nil {
			t.Errorf("ReadFile(%s): %v, want it read", p, err)
		}
	}
	denied := []string{
		filepath.Join(outside, "secret.ts"),                         // an absolute import
		filepath.Join(ws, "..", "..", "..", "outside", "secret.ts"), // a relative one climbing out
		filepath.Join(ws, "lib", "leak.ts"),                         // a link leaving the folder
		filepath.Join(ws, "lib", "sibling.tsx"),                     // a link to a sibling package outside the folder
		filepath.Join(ws, "outdir", "x.ts"),                         // through a linked directory
		filepath.Join(ws, "node_modules", "linked", "escape.js"),    // a package's link leaving the package
		filepath.Join(repo, ".env"),                                 // beside the folder's ancestors
		filepath.Join(repo, "packages", "ui", "button.tsx"),
		"relative/path.ts",
	}
	for _, p := range denied {
		if data, err := c.ReadFile(p); !errors.Is(err, ErrOutside) {
			t.Errorf("ReadFile(%s) = %q, %v; want ErrOutside", p, data, err)
		}
	}
	for _, p := range []string{outside, filepath.Join(ws, "outdir"), repo} {
		if _, err := c.ReadDir(p); !errors.Is(err, ErrOutside) {
			t.Errorf("ReadDir(%s): %v, want ErrOutside", p, err)
		}
	}
	if _, err := c.RealPath(filepath.Join(ws, "lib", "leak.ts")); !errors.Is(err, ErrOutside) {
		t.Errorf("RealPath of a link leaving the folder: %v, want ErrOutside", err)
	}

	// Names directly inside the folder's ancestors may be looked up
	// (project roots, hoisted node_modules); nothing deeper.
	if fi, err := c.Stat(filepath.Join(repo, "package.json")); err != nil || fi.IsDir {
		t.Errorf("Stat of a package.json above the folder: %+v, %v", fi, err)
	}
	if _, err := c.Stat(filepath.Join(outside, "secret.ts")); !errors.Is(err, ErrOutside) {
		t.Errorf("Stat outside: %v, want ErrOutside", err)
	}

	// Listing the folder reports a link leaving it as a file that cannot
	// be followed, not as the directory it points to.
	entries, err := c.ReadDir(ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name == "outdir" && (e.IsDir || !e.IsSymlink) {
			t.Errorf("outdir listed as %+v", e)
		}
	}

	// A directory replaced by a link leaving the folder is judged anew
	// after Forget.
	swap := filepath.Join(ws, "swap")
	layout(t, ws, map[string]string{"swap/x.ts": "export {}"})
	if _, err := c.ReadFile(filepath.Join(swap, "x.ts")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(swap); err != nil {
		t.Fatal(err)
	}
	layout(t, ws, map[string]string{"swap": "->" + filepath.Join(outside, "dir")})
	c.Forget()
	if _, err := c.ReadFile(filepath.Join(swap, "x.ts")); !errors.Is(err, ErrOutside) {
		t.Errorf("through a directory that became a link leaving the folder: %v, want ErrOutside", err)
	}

	c.RemoveFolder(ws)
	if _, err := c.ReadFile(filepath.Join(ws, "app", "page.tsx")); !errors.Is(err, ErrOutside) {
		t.Errorf("after RemoveFolder: %v, want ErrOutside", err)
	}
}
