package protocol

import (
	"strings"
	"testing"
)

// TestUnresolvedLogged: the server logs how many imports resolve to no
// file and why, as rscls check says it, so that a hole in the graph is
// visible in the editor's log.
func TestUnresolvedLogged(t *testing.T) {
	c := startRaw(t, map[string]string{
		"package.json": `{"dependencies":{"next":"15.0.0"}}`,
		"app/page.tsx": "import clsx from 'clsx'\nexport default function Page() { return clsx() }\n",
	})
	c.initialize(`{}`)
	c.waitNote("window/logMessage", func(m rawMsg) bool {
		return strings.Contains(string(m.Params), "1 import resolves to no file, so nothing past them is checked (1 package not installed)")
	})
	if r := c.call("shutdown", nil); r.Error != nil {
		t.Fatalf("shutdown: %s", r.raw)
	}
	c.notify("exit", nil)
	c.exitCode()
}
