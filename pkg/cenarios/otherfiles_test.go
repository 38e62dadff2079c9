package cenarios

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/analysis"
)

// Cenarios files written by other software (testdata/cenarios, written by
// testdata/cenarios/gen/make.sh: PyYAML in block and flow style, escaped
// and not; Notepad's BOM, CRLF and decimal commas) read as the same two
// scenarios.
func TestFilesOfOtherSoftware(t *testing.T) {
	d := decimal.RequireFromString
	want := []analysis.Scenario{
		{Name: "Crise à vista", Description: "queda de 20% do PL e eventos +15%",
			Shocks: map[analysis.Group]decimal.Decimal{analysis.PL: d("0.8"), analysis.Eventos: d("1.15")}},
		{Name: "Crédito", Shocks: map[analysis.Group]decimal.Decimal{analysis.Credito: d("1.25")}},
	}
	for _, name := range []string{"pyyaml.yaml", "pyyaml-unicode.yaml", "notepad.yaml"} {
		path := filepath.Join("..", "..", "testdata", "cenarios", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse(data, path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d scenarios, want %d", name, len(got), len(want))
		}
		for i, w := range want {
			g := got[i]
			if g.Name != w.Name || g.Description != w.Description || len(g.Shocks) != len(w.Shocks) {
				t.Errorf("%s: scenario %d = %+v, want %+v", name, i, g, w)
				continue
			}
			for grp, k := range w.Shocks {
				if !g.Shocks[grp].Equal(k) {
					t.Errorf("%s: %s %s = %s, want %s", name, w.Name, grp, g.Shocks[grp], k)
				}
			}
		}
	}
}
