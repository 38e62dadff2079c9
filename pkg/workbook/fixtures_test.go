package workbook_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

func readFile(t *testing.T, path string) (*capital.Input, findings.List) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, l, _ := workbook.Read(context.Background(), f)
	return in, l
}

// The fixtures were written by openpyxl and LibreOffice, and their expected
// results computed by an independent Python implementation of the spec
// (testdata/fixtures/gen/reference_impl.py, 50-digit decimals). capreg must
// agree to the centavo on every amount, the factor set and sufficiency.
func TestFixturesAgreeWithIndependentImplementation(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/fixtures/*.xlsx")
	if len(paths) < 8 {
		t.Fatalf("expected the fixture corpus, found %d files", len(paths))
	}
	rb := rulestest.Default(t)
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			var want struct {
				RegistroANS string            `json:"registro_ans"`
				DataBase    string            `json:"data_base"`
				FactorSet   string            `json:"factor_set"`
				Sufficient  bool              `json:"sufficient"`
				Eligible    []string          `json:"eligible_sets"`
				Amounts     map[string]string `json:"amounts"`
			}
			data, err := os.ReadFile(strings.TrimSuffix(p, ".xlsx") + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			in, l := readFile(t, p)
			if l.HasErrors() {
				t.Fatalf("reader errors: %v", l.Errors())
			}
			res, err := capital.Compute(in, rb, capital.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if in.Operadora.RegistroANS != want.RegistroANS || in.Operadora.DataBase.String() != want.DataBase {
				t.Errorf("operator %s %s, want %s %s", in.Operadora.RegistroANS, in.Operadora.DataBase, want.RegistroANS, want.DataBase)
			}
			if res.FactorSet != want.FactorSet {
				t.Errorf("factor set %s, want %s", res.FactorSet, want.FactorSet)
			}
			var eligible []string
			for _, s := range res.Sets {
				if s.Eligible {
					eligible = append(eligible, s.Set)
				}
			}
			if strings.Join(eligible, ",") != strings.Join(want.Eligible, ",") {
				t.Errorf("eligible sets %v, want %v", eligible, want.Eligible)
			}
			if res.Sufficient != want.Sufficient {
				t.Errorf("sufficient %v, want %v", res.Sufficient, want.Sufficient)
			}
			figs := report.Figures(res)
			for _, k := range report.AmountKeys {
				got := money.Round(figs[k].Value).StringFixed(2)
				if got != want.Amounts[k] {
					t.Errorf("%s = %s, want %s (full %s)", k, got, want.Amounts[k], figs[k].Value)
				}
			}
		})
	}
}
