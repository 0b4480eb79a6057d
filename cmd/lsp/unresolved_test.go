package lsp

import (
	"strings"
	"testing"
)

// TestCheckUnresolved: check says in one line on stderr how many imports
// resolve to no file and why; --verbose lists them; the findings on
// stdout do not change.
func TestCheckUnresolved(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"package.json": `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx": "import Link from 'next/link'\nimport clsx from 'clsx'\nimport { gone } from '../lib/gone'\nexport default function Page() { return clsx(gone, Link) }\n",
	})
	t.Chdir(dir)
	out, errOut, code := runCLI(t, "check", ".")
	if code != 0 || out != "" {
		t.Errorf("exit %d, out %q", code, out)
	}
	note := "rscls: .: note: 2 imports resolve to no file, so nothing past them is checked (1 package not installed, 1 no such file); --verbose lists them\n"
	if !strings.HasPrefix(errOut, note) || strings.Contains(errOut, "unresolved import") {
		t.Errorf("stderr = %q\nwant it to start with %q and list nothing", errOut, note)
	}
	for _, flag := range []string{"--verbose", "-v"} {
		_, errOut, _ = runCLI(t, "check", flag, ".")
		want := "rscls: .: note: 2 imports resolve to no file, so nothing past them is checked (1 package not installed, 1 no such file)\n" +
			"rscls: app/page.tsx:2: unresolved import \"clsx\": package \"clsx\" is not installed\n" +
			"rscls: app/page.tsx:3: unresolved import \"../lib/gone\": cannot find module \"../lib/gone\"\n"
		if !strings.Contains(errOut, want) {
			t.Errorf("%s: stderr = %q\nwant it to hold %q", flag, errOut, want)
		}
	}
}
