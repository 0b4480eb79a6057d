package oracle

import (
	"testing"

	"github.com/rscls/rscls/analysis"
)

func TestParseWants(t *testing.T) {
	src := "import { a } from './a' // want \"serverOnlyInClient: server-only\"\n" +
		"export default async function C() { // want warning \"asyncClientComponent\" error `mixedBarrel: lib/db\\.ts`\n" +
		"  return <b>{/* want hint \"unnecessaryUseClient\" */}</b>\n"
	ws, err := ParseWants("c.tsx", src)
	if err != nil {
		t.Fatal(err)
	}
	type w struct {
		line int
		sev  analysis.Severity
		rule string
		re   string
	}
	want := []w{
		{1, analysis.SeverityError, "serverOnlyInClient", "server-only"},
		{2, analysis.SeverityWarning, "asyncClientComponent", ""},
		{2, analysis.SeverityError, "mixedBarrel", `lib/db\.ts`},
		{3, analysis.SeverityHint, "unnecessaryUseClient", ""},
	}
	if len(ws) != len(want) {
		t.Fatalf("got %d wants, want %d: %+v", len(ws), len(want), ws)
	}
	for i, g := range ws {
		re := ""
		if g.Message != nil {
			re = g.Message.String()
		}
		if g.Line != want[i].line || g.Severity != want[i].sev || g.Rule != want[i].rule || re != want[i].re {
			t.Errorf("want %d: got line %d %s %s %q, want %+v", i, g.Line, g.Severity, g.Rule, re, want[i])
		}
	}
	if !ws[0].Matches("c.tsx", 1, analysis.SeverityError, "serverOnlyInClient", `depends on "server-only"`) {
		t.Error("want 0 does not match its finding")
	}
	if ws[0].Matches("c.tsx", 1, analysis.SeverityWarning, "serverOnlyInClient", `depends on "server-only"`) {
		t.Error("want 0 matches a finding of another severity")
	}
	for _, bad := range []string{"// want ", "// want nonsense \"x\"", "// want \"no-rule here\"", "// want \"r: (\""} {
		if _, err := ParseWants("c.tsx", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
