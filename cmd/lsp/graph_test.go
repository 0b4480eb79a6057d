package lsp

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestGraphFormats(t *testing.T) {
	t.Chdir("../..")
	for _, format := range []string{"dot", "mermaid", "json"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := runCLI(t, "graph", "--format", format, "testdata/example")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, "graph."+format+".golden", out)
		})
	}
	out, _, _ := runCLI(t, "graph", "--format", "json", "testdata/example")
	var v struct {
		Modules []struct{ ID, Kind string }
		Imports []struct {
			From, To       string
			ClientBoundary bool
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, m := range v.Modules {
		kinds[m.ID] = m.Kind
	}
	for id, want := range map[string]string{
		"app/page.tsx": "server", "components/user-menu.tsx": "boundary", "lib/session.ts": "client", "lib/actions.ts": "serverFunctions",
	} {
		if kinds[id] != want {
			t.Errorf("%s: kind %q, want %q", id, kinds[id], want)
		}
	}
	boundaries := 0
	for _, e := range v.Imports {
		if e.ClientBoundary {
			boundaries++
			if !strings.HasPrefix(e.From, "app/") && !strings.HasPrefix(e.From, "components/") {
				t.Errorf("odd boundary edge %+v", e)
			}
		}
	}
	if boundaries != 2 {
		t.Errorf("%d boundary edges, want 2", boundaries)
	}
	if _, errOut, code := runCLI(t, "graph", "--format", "png", "testdata/example"); code != 2 || !strings.Contains(errOut, "unknown format") {
		t.Errorf("bad format: %d %s", code, errOut)
	}
}
