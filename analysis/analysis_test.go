package analysis

import (
	"reflect"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/graph"
)

func TestValidate(t *testing.T) {
	run := func(*Pass) (any, error) { return nil, nil }
	result := func(name string, requires ...*Analyzer) *Analyzer {
		return &Analyzer{Name: name, Doc: "d", Scope: GraphScope, ResultType: reflect.TypeFor[int](), Requires: requires, Run: run}
	}
	check := func(name string, requires ...*Analyzer) *Analyzer {
		return &Analyzer{Name: name, Doc: "d", Scope: GraphScope, Severity: SeverityError, Requires: requires, Run: run}
	}
	base := result("base")
	mid := result("mid", base)
	cyclic := result("cyclic")
	cyclic.Requires = []*Analyzer{result("other", cyclic)}
	for _, c := range []struct {
		name  string
		list  []*Analyzer
		error string // a part of the error, "" for none
	}{
		{"shared requirements", []*Analyzer{check("a", mid, base), check("b", base)}, ""},
		{"a cycle", []*Analyzer{check("a", cyclic)}, "cycle"},
		{"a check returning a result", []*Analyzer{func() *Analyzer { r := result("r"); r.Severity = SeverityError; return r }()}, "returns a result"},
		{"a requirement without a result", []*Analyzer{check("a", check("b"))}, "no ResultType"},
		{"two analyzers of one name", []*Analyzer{check("a", result("x")), check("b", result("x"))}, "duplicate name"},
		{"listed twice", func() []*Analyzer { a := check("a"); return []*Analyzer{a, a} }(), "listed twice"},
		{"a requirement of another scope", []*Analyzer{check("a", &Analyzer{Name: "f", Doc: "d", Scope: FileScope, ResultType: reflect.TypeFor[int](), Run: run})}, "another scope"},
		{"Envs on a file check", []*Analyzer{{Name: "a", Doc: "d", Scope: FileScope, Severity: SeverityError, Envs: []graph.Env{graph.Server}, Run: run}}, "Envs"},
		{"no Run", []*Analyzer{{Name: "a", Doc: "d", Severity: SeverityError}}, "no Run"},
		{"severity off", []*Analyzer{{Name: "a", Doc: "d", Run: run}}, "off"},
	} {
		err := Validate(c.list)
		switch {
		case c.error == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.error != "" && (err == nil || !strings.Contains(err.Error(), c.error)):
			t.Errorf("%s: error %v, want one about %q", c.name, err, c.error)
		}
	}
}
