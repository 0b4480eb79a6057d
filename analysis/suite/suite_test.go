package suite

import (
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/analysistest"
)

func TestValidate(t *testing.T) {
	if err := analysis.Validate(Analyzers); err != nil {
		t.Fatal(err)
	}
	for _, a := range Analyzers {
		if ByName(a.Name) != a {
			t.Errorf("ByName(%q) does not find it", a.Name)
		}
	}
}

// TestFixtureProjects runs the whole suite over the shared fixture
// projects, whose files carry want comments for every finding.
func TestFixtureProjects(t *testing.T) {
	for _, dir := range []string{"../../testdata/monorepo"} {
		t.Run(dir, func(t *testing.T) {
			analysistest.Run(t, dir, Analyzers...)
		})
	}
}
