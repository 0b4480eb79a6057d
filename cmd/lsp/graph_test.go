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

func TestGraphViews(t *testing.T) {
	t.Chdir("../..")
	ids := func(args ...string) string {
		t.Helper()
		out, errOut, code := runCLI(t, append([]string{"graph", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var v struct {
			Modules []struct{ ID string }
			Imports []struct{ From, To string }
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, m := range v.Modules {
			s = append(s, m.ID)
		}
		return strings.Join(s, " ")
	}
	// Its importers up to the page, its imports down to the boundary
	// (counter.tsx), not beyond.
	if got, want := ids("--focus", "testdata/example/components/post.tsx", "testdata/example"),
		"app/page.tsx components/counter.tsx components/like-button.tsx components/post.tsx"; got != want {
		t.Errorf("--focus post.tsx: %s\nwant %s", got, want)
	}
	if got, want := ids("--focus", "testdata/example/components/like-button.tsx", "--depth", "1", "testdata/example"),
		"components/like-button.tsx components/post.tsx"; got != want {
		t.Errorf("--focus like-button.tsx --depth 1: %s\nwant %s", got, want)
	}
	if got, want := ids("--depth", "1", "testdata/example"),
		"app/dashboard/page.tsx app/layout.tsx app/page.tsx components/post.tsx components/user-menu.tsx lib/actions.ts"; got != want {
		t.Errorf("--depth 1: %s\nwant %s", got, want)
	}
	if got, want := ids("--boundaries", "testdata/example"),
		"app/page.tsx components/counter.tsx components/post.tsx components/user-menu.tsx"; got != want {
		t.Errorf("--boundaries: %s\nwant %s", got, want)
	}
	if _, errOut, code := runCLI(t, "graph", "--focus", "testdata/example/nope.tsx", "testdata/example"); code != 2 || !strings.Contains(errOut, "not a module of the graph") {
		t.Errorf("--focus on no module: exit %d, %s", code, errOut)
	}
	out, _, code := runCLI(t, "graph", "--format", "html", "testdata/example")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `"id":"components/like-button.tsx"`) {
		t.Errorf("--format html: exit %d\n%.300s", code, out)
	}
}
