package app

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// The saving of a set against padrao (the first): CR(padrao) − CR(set),
// and its fraction of CR(padrao); none when CR(padrao) is zero.
func TestSaving(t *testing.T) {
	result := func(cr string) *capital.Result {
		return &capital.Result{CR: &capital.Node{Value: decimal.RequireFromString(cr)}}
	}
	c := &Comparison{BySet: []*capital.Result{result("1000"), result("800"), result("1000"), result("1250.50")}}
	for i, want := range []struct{ saving, pct string }{
		{"0", "0"},
		{"200", "0.2"},        // 1000 − 800 = 200; 200 / 1000
		{"0", "0"},            // the same CR frees nothing
		{"-250.5", "-0.2505"}, // a set that costs more: 1000 − 1250.50
	} {
		s, pct := c.Saving(i)
		if !s.Equal(decimal.RequireFromString(want.saving)) || pct == nil || !pct.Equal(decimal.RequireFromString(want.pct)) {
			t.Errorf("set %d: %s, %v; want %s, %s", i, s, pct, want.saving, want.pct)
		}
	}
	zero := &Comparison{BySet: []*capital.Result{result("0"), result("10")}}
	if s, pct := zero.Saving(1); !s.Equal(decimal.NewFromInt(-10)) || pct != nil {
		t.Errorf("CR(padrao) = 0: %s, %v", s, pct)
	}
}

// compare is calc under every set: its applied result is calc's, each
// column calc --factors SET, and every column carries the same reader and
// check warnings.
func TestCompareAgreesWithCalculate(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	for _, path := range []string{"examples/operadora-exemplo.xlsx", "testdata/fixtures/f03_filantropia_promoprev_reduzido.xlsx"} {
		c, err := Compare(context.Background(), path, "", rb, false)
		if err != nil {
			t.Fatal(err)
		}
		auto, err := Calculate(context.Background(), path, "", rb, capital.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Auto.FactorSet != auto.Result.FactorSet || !c.Auto.CR.Value.Equal(auto.Result.CR.Value) || len(c.BySet) != len(capital.Sets()) {
			t.Fatalf("%s: applied %s, calc %s", path, c.Auto.FactorSet, auto.Result.FactorSet)
		}
		for i, set := range capital.Sets() {
			calc, err := Calculate(context.Background(), path, "", rb, capital.Options{Factors: set})
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range figures(calc.Result) {
				if !figures(c.BySet[i])[k].Equal(v) {
					t.Errorf("%s %s: %s is %s, calc %s", path, set, k, figures(c.BySet[i])[k], v)
				}
			}
			if got := len(c.Warnings) + len(c.BySet[i].Warnings); got != len(calc.Warnings) {
				t.Errorf("%s %s: %d warnings, calc %d", path, set, got, len(calc.Warnings))
			}
		}
	}
	// f03: reduzido frees 1 506 015,73 of padrão's 6 513 767,30 (testdata/golden/compare.json.golden).
	c, _ := Compare(context.Background(), "testdata/fixtures/f03_filantropia_promoprev_reduzido.xlsx", "", rb, false)
	if s, pct := c.Saving(1); !s.Equal(decimal.RequireFromString("1506015.734404278001437839631")) || pct.Round(6).String() != "0.231205" {
		t.Errorf("f03 reduzido saving %s (%v)", s, pct)
	}
}
