package oracle

import (
	"testing"

	"golang.org/x/tools/txtar"
)

func TestNextMajor(t *testing.T) {
	for spec, want := range map[string]string{
		`"^16.0.0"`: "16", `"~15.5.0"`: "15", `"15"`: "15", `"15.x"`: "15", `"v16.1"`: "16",
		`"*"`: "", `"latest"`: "", `">=15"`: "", `"canary"`: "",
	} {
		c := &Case{Files: []txtar.File{{Name: "package.json", Data: []byte(`{"dependencies":{"next":` + spec + `}}`)}}}
		if got := c.NextMajor(); got != want {
			t.Errorf("next %s: major %q, want %q", spec, got, want)
		}
		if n := len(c.ConfigsFor()); want == "15" && n != 1 || want == "16" && n != 2 || want == "" && n != len(Configs) {
			t.Errorf("next %s: %d configurations", spec, n)
		}
	}
	if got := (&Case{}).NextMajor(); got != "" {
		t.Errorf("no package.json: %q", got)
	}
}
